import { describe, expect, it } from 'vitest';
import { counterValue } from '../../src/server/metrics-registry.js';
import { createTestApp } from '../fakes/fake-app.js';

const ADMIN = { ADMIN_TOKEN: 'test-admin-token-123' };
const auth = { authorization: 'Bearer test-admin-token-123' };

describe('GET /api/search', () => {
  it('returns passages with scores, escape-safe highlights and why they matched', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/search?q=公租房申请材料&k=3');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.length).toBeGreaterThan(0);
    const hit = body.results[0];
    expect(hit).toMatchObject({ docId: 'gongzufang-guide', why: { bm25Rank: 1 } });
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const h of hit.highlights) expect(hit.text.slice(h.start, h.end)).toMatch(/公租|租房|申请|材料/);
    expect(hit.snippet).toContain('<mark>');
    expect(typeof hit.score).toBe('number');
  });

  it('escapes HTML in the snippet', async () => {
    const { app, assistant } = await createTestApp();
    await assistant.indexer.upsertText('xss', '标题\n<script>alert(1)</script>公租房申请须知。');
    const body = await (await app.request('/api/search?q=公租房申请须知')).json();
    const hit = body.results.find((r: { docId: string }) => r.docId === 'xss');
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toContain('<script>');
  });

  it('applies metadata filters and validates the query', async () => {
    const { app, assistant } = await createTestApp();
    await app.request('/api/search?q=数字经济&year=2025&type=政策解读&authority=大数据');
    expect(assistant.retriever.calls.at(-1)?.options).toEqual({
      k: 10,
      filters: { year: 2025, type: '政策解读', authority: '大数据' },
    });
    const bad = await app.request('/api/search?q=&k=500&type=小说');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual(['k', 'q', 'type']);
  });
});

describe('documents', () => {
  it('lists documents with filters and paging', async () => {
    const { app } = await createTestApp();
    const all = await (await app.request('/api/documents')).json();
    expect(all.total).toBe(2);
    const filtered = await (await app.request('/api/documents?type=办事指南')).json();
    expect(filtered.documents.map((d: { id: string }) => d.id)).toEqual(['gongzufang-guide']);
    const byTitle = await (await app.request('/api/documents?q=数字青岛')).json();
    expect(byTitle.documents.map((d: { id: string }) => d.id)).toEqual(['shuzi-qingdao']);
    const page = await (await app.request('/api/documents?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.documents).toHaveLength(1);
  });

  it('returns text, metadata and chunk spans that slice the text', async () => {
    const { app } = await createTestApp();
    const doc = await (await app.request('/api/documents/gongzufang-guide')).json();
    expect(doc.meta.docNumber).toBe('青住建字【2024】8号');
    expect(doc.chunks.length).toBeGreaterThan(0);
    for (const ch of doc.chunks) expect(doc.text.slice(ch.start, ch.end)).toContain('。');
  });

  it('answers 404 problem for an unknown document', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/documents/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).code).toBe('NOT_FOUND');
  });
});

describe('admin', () => {
  it('does not exist when no token is configured', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/admin/documents/x', { method: 'DELETE', headers: auth });
    expect(res.status).toBe(404);
  });

  it('requires the bearer token', async () => {
    const { app } = await createTestApp(ADMIN);
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic dGVzdA==' },
    ];
    for (const headers of variants) {
      const res = await app.request('/api/admin/documents/x', { method: 'DELETE', headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('indexes an uploaded file: the next search finds it, deleting removes it', async () => {
    const { app, assistant } = await createTestApp(ADMIN);
    const form = new FormData();
    form.append(
      'file',
      new File(['灵活就业人员参保指南\n灵活就业人员可以在户籍地参加城镇职工养老保险。'], '参保指南.txt'),
    );
    form.append('id', 'canbao');
    const up = await app.request('/api/admin/documents', { method: 'POST', headers: auth, body: form });
    expect(up.status).toBe(201);
    expect((await up.json()).document).toMatchObject({ id: 'canbao', sourcePath: '参保指南.txt' });
    expect(assistant.store.flushes).toBe(1);

    const found = await (await app.request('/api/search?q=灵活就业人员养老保险')).json();
    expect(found.results[0].docId).toBe('canbao');

    const del = await app.request('/api/admin/documents/canbao', { method: 'DELETE', headers: auth });
    expect(await del.json()).toEqual({ id: 'canbao', deleted: true });
    const gone = await (await app.request('/api/search?q=灵活就业人员养老保险')).json();
    expect(gone.results.map((r: { docId: string }) => r.docId)).not.toContain('canbao');
    const again = await app.request('/api/admin/documents/canbao', { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
  });

  it('indexes JSON text and rejects unsupported uploads', async () => {
    const { app } = await createTestApp(ADMIN);
    const json = await app.request('/api/admin/documents', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'note-1', text: '通知\n本周六政务大厅照常办公。', meta: { type: '通知' } }),
    });
    expect(json.status).toBe(201);
    expect((await json.json()).document).toMatchObject({ id: 'note-1', type: '通知' });

    const form = new FormData();
    form.append('file', new File(['MZ'], 'virus.exe'));
    const exe = await app.request('/api/admin/documents', { method: 'POST', headers: auth, body: form });
    expect(exe.status).toBe(415);

    const badId = await app.request('/api/admin/documents', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: '../etc/passwd', text: 'x' }),
    });
    expect((await badId.json()).issues[0].path).toBe('id');
  });

  it('limits uploads to maxUploadBytes', async () => {
    const { app } = await createTestApp({ ...ADMIN, MAX_UPLOAD_BYTES: '2048' });
    const form = new FormData();
    form.append('file', new File(['公'.repeat(3000)], 'big.txt'));
    const res = await app.request('/api/admin/documents', { method: 'POST', headers: auth, body: form });
    expect(res.status).toBe(413);
  });
});

describe('feedback', () => {
  it('stores feedback with personal numbers masked and exports CSV to admins', async () => {
    const { app, deps } = await createTestApp(ADMIN);
    // Only an answer the service gave can be rated: ask first, under a chosen request id.
    await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
      body: JSON.stringify({ question: '公租房申请材料' }),
    });
    const res = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: 'req-1',
        rating: 'down',
        comment: '不对，请回电13812345678，身份证11010519491231002X',
      }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 1, stored: true, replaced: false });
    const rows = deps.feedback.all();
    expect(rows[0].comment).toBe('不对，请回电138****5678，身份证110***********002X');
    const csv = await app.request('/api/admin/feedback.csv', { headers: auth });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('id,requestId,rating,comment,createdAt');
    expect(text).toContain('1,req-1,down,不对，请回电138****5678，身份证110***********002X,');
    expect(await counterValue(deps.metrics.feedback, { rating: 'down' })).toBe(1);
  });

  it('validates the rating', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: 'r', rating: 'meh' }),
    });
    expect((await res.json()).issues).toEqual([{ path: 'rating', message: expect.any(String) }]);
  });
});
