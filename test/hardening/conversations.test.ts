import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { createTestApp } from '../fakes/fake-app.js';

/**
 * Issue 14 item 5: the server accepted any client-chosen conversationId, so a second client reusing
 * one got the first client's question — with its 身份证 number — back in `rewrittenQuestion`. Now
 * ids are issued by the server and signed (HMAC, CONVERSATION_SECRET); any other id starts a new
 * conversation, and history is kept with personal numbers masked.
 */

const ID = '11010519491231002X';
const SECRET = 'conversation-secret-for-tests-0123456789';

const ask = (question: string, conversationId?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ question, conversationId }),
});

describe('conversations bound to the client that started them', () => {
  it("never hands one client's question to another that reuses a chosen id", async () => {
    const { app } = await createTestApp();
    const chosen = 'shared-conversation-1';
    const a = await (await app.request('/api/ask', ask(`我身份证${ID}，怎么申请公租房？`, chosen))).json();
    const b = await (await app.request('/api/ask', ask('那需要什么材料？', chosen))).json();
    expect(a.conversationId).not.toBe(chosen);
    expect(a.newConversation).toBe(true);
    expect(b.conversationId).not.toBe(a.conversationId);
    expect(b.newConversation).toBe(true);
    expect(JSON.stringify(b)).not.toContain('公租房');
    expect(JSON.stringify(b)).not.toContain(ID.slice(6, 14));
    expect(b.rewrittenQuestion).toBeUndefined();
  });

  it('continues a conversation under the id it issued, with personal numbers masked in history', async () => {
    const { app, deps } = await createTestApp();
    const first = await (await app.request('/api/ask', ask(`我身份证${ID}，怎么申请公租房？`))).json();
    expect(first.conversationId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.newConversation).toBeUndefined();
    const second = await (
      await app.request('/api/ask', ask('那需要什么材料？', first.conversationId))
    ).json();
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.rewrittenQuestion).toContain('申请公租房');
    const kept = JSON.stringify(deps.conversations.history(first.conversationId));
    expect(kept).not.toContain(ID);
    expect(kept).not.toContain(ID.slice(6, 14));
    expect(second.rewrittenQuestion).not.toContain(ID.slice(6, 14));
  });

  it('starts a new conversation for a forged id or one signed under another secret, and says so', async () => {
    const { app } = await createTestApp({ CONVERSATION_SECRET: SECRET });
    const other = await createTestApp({ CONVERSATION_SECRET: `${SECRET}-other` });
    const real = await (await app.request('/api/ask', ask('怎么申请公租房？'))).json();
    const foreign = await (await other.app.request('/api/ask', ask('怎么申请公租房？'))).json();
    // Flip one character of the tag: same shape, wrong signature.
    const last = real.conversationId.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${real.conversationId.slice(0, -2)}${last}${real.conversationId.at(-1)}`;
    for (const id of [forged, foreign.conversationId, 'A'.repeat(43)]) {
      const body = await (await app.request('/api/ask', ask('那需要什么材料？', id))).json();
      expect(body.newConversation).toBe(true);
      expect(body.conversationId).not.toBe(id);
      expect(body.rewrittenQuestion).toBeUndefined();
    }
    // A replica with the same secret accepts the id (its history stays where it was kept).
    const replica = await createTestApp({ CONVERSATION_SECRET: SECRET });
    const there = await (
      await replica.app.request('/api/ask', ask('公租房申请条件', real.conversationId))
    ).json();
    expect(there.conversationId).toBe(real.conversationId);
    expect(there.newConversation).toBeUndefined();
  });

  it('streams the id in use in the meta event', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/ask', {
      ...ask('怎么申请公租房？', 'client-picked-id'),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    });
    const meta = JSON.parse(/^event: meta\ndata: (.*)$/m.exec(await res.text())?.[1] ?? '{}');
    expect(meta.newConversation).toBe(true);
    expect(meta.conversationId).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a CONVERSATION_SECRET shorter than 32 characters', () => {
    let err: unknown;
    try {
      loadConfig({ CONVERSATION_SECRET: 'short' });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.issues?.map((i) => i.path)).toEqual(['CONVERSATION_SECRET']);
  });
});
