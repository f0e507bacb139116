import { describe, expect, it } from 'vitest';
import { createTestApp } from '../fakes/fake-app.js';

/**
 * Issue 14 item 4: /api/feedback was unlimited and accepted any requestId (3,584 rows and +26 MB in
 * 10 s). Now: rate-limited per client, only request ids of answers the service gave recently, the
 * comment bounded, one rating per answer (a later one replaces the earlier: documented decision).
 */

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function answered(app: Awaited<ReturnType<typeof createTestApp>>['app']): Promise<string> {
  const res = await app.request('/api/ask', json({ question: '公租房申请材料' }));
  expect(res.status).toBe(200);
  return (await res.json()).requestId;
}

describe('feedback abuse', () => {
  it('refuses request ids the service never answered, and stores nothing for them', async () => {
    const { app, deps } = await createTestApp();
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i++)
      statuses.add(
        (await app.request('/api/feedback', json({ requestId: `made-up-${i}`, rating: 'down' }))).status,
      );
    expect([...statuses]).toEqual([400]);
    const res = await app.request('/api/feedback', json({ requestId: 'made-up', rating: 'up' }));
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'requestId' }] });
    expect(deps.feedback.all()).toEqual([]);
  });

  it('keeps one rating per answer: a later one replaces the earlier', async () => {
    const { app, deps } = await createTestApp();
    const requestId = await answered(app);
    const first = await app.request('/api/feedback', json({ requestId, rating: 'up' }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ stored: true, replaced: false });
    for (let i = 0; i < 20; i++) await app.request('/api/feedback', json({ requestId, rating: 'up' }));
    const last = await app.request(
      '/api/feedback',
      json({ requestId, rating: 'down', comment: '没有说明条件' }),
    );
    expect(last.status).toBe(200);
    expect(await last.json()).toMatchObject({ stored: true, replaced: true });
    const rows = deps.feedback.all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requestId, rating: 'down', comment: '没有说明条件' });
  });

  it('bounds the comment', async () => {
    const { app, deps } = await createTestApp();
    const requestId = await answered(app);
    const res = await app.request(
      '/api/feedback',
      json({ requestId, rating: 'down', comment: '长'.repeat(501) }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([{ path: 'comment', message: expect.any(String) }]);
    expect(
      (await app.request('/api/feedback', json({ requestId, rating: 'down', comment: '长'.repeat(500) })))
        .status,
    ).toBe(201);
    expect(deps.feedback.all()).toHaveLength(1);
  });

  it('is rate-limited per client like ask and search, with its own budget', async () => {
    const { app } = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    const ids = [await answered(app), await answered(app), await answered(app)];
    const statuses: number[] = [];
    for (const requestId of [...ids, ids[0]])
      statuses.push((await app.request('/api/feedback', json({ requestId, rating: 'up' }))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
