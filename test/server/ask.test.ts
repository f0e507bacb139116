import { describe, expect, it } from 'vitest';
import { FallbackAnswerer } from '../../src/answer/fallback-answerer.js';
import { GenerativeAnswerer } from '../../src/answer/generative-answerer.js';
import { loadPromptSet } from '../../src/answer/prompt-templates.js';
import { AppError } from '../../src/errors.js';
import { counterValue } from '../../src/server/metrics-registry.js';
import { createTestApp, parseSse } from '../fakes/fake-app.js';
import { createFakeAssistant } from '../fakes/fake-assistant.js';
import { ScriptedChatModel } from '../fakes/scripted-chat-model.js';

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('POST /api/ask', () => {
  it('answers as JSON with citations, conversation id, request id and timings', async () => {
    const { app } = await createTestApp();
    const res = await app.request('/api/ask', post({ question: '申请公租房需要什么材料？' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.refused).toBe(false);
    expect(body.answer).toContain('身份证');
    expect(body.citations[0]).toMatchObject({ n: 1, docId: 'gongzufang-guide', verified: true });
    expect(body.conversationId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
    expect(Object.keys(body.timings).sort()).toEqual(['answerMs', 'retrieveMs', 'rewriteMs', 'totalMs']);
  });

  it('rewrites a follow-up into a standalone question and returns it', async () => {
    const { app, assistant } = await createTestApp();
    const first = await (await app.request('/api/ask', post({ question: '怎么申请公租房？' }))).json();
    const res = await app.request(
      '/api/ask',
      post({ question: '那需要带什么材料？', conversationId: first.conversationId }),
    );
    const body = await res.json();
    expect(body.rewrittenQuestion).toBe('申请公租房需要带什么材料？');
    expect(assistant.retriever.calls.at(-1)?.query).toBe('申请公租房需要带什么材料？');
    expect(body.answer).toContain('身份证');
  });

  it('answers a question with its own topic on its own, in the same conversation', async () => {
    const { app, assistant } = await createTestApp();
    const first = await (
      await app.request('/api/ask', post({ question: '2025年青岛要建多少个5G基站？' }))
    ).json();
    const second = await (
      await app.request(
        '/api/ask',
        post({ question: '算力券是什么？怎么申请？', conversationId: first.conversationId }),
      )
    ).json();
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.rewrittenQuestion ?? '').not.toContain('5G');
    expect(second.rewrittenQuestion).toBeUndefined();
    expect(assistant.retriever.calls.at(-1)?.query).toBe('算力券是什么？怎么申请？');
    // …and a real follow-up in the same conversation is still rewritten, onto the new topic.
    const third = await (
      await app.request(
        '/api/ask',
        post({ question: '那需要什么材料？', conversationId: first.conversationId }),
      )
    ).json();
    expect(third.rewrittenQuestion).toBe('算力券申请需要什么材料？');
  });

  it('passes filters and retrievalK to the retriever', async () => {
    const { app, assistant } = await createTestApp({ RETRIEVAL_K: '3' });
    await app.request(
      '/api/ask',
      post({ question: '公租房申请材料', filters: { year: 2024, type: '办事指南' } }),
    );
    expect(assistant.retriever.calls.at(-1)?.options).toEqual({
      k: 3,
      filters: { year: 2024, type: '办事指南' },
    });
  });

  it('refuses when retrieval finds nothing relevant', async () => {
    const { app, deps } = await createTestApp();
    const body = await (await app.request('/api/ask', post({ question: '火星移民签证怎么办' }))).json();
    expect(body.refused).toBe(true);
    expect(body.citations).toEqual([]);
    expect(await counterValue(deps.metrics.refusals, { provider: 'extractive' })).toBe(1);
  });

  it('streams meta, several deltas, citations and done as SSE', async () => {
    const { app } = await createTestApp();
    const res = await app.request(
      '/api/ask',
      post({ question: '申请公租房需要什么材料？' }, { accept: 'text/event-stream' }),
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('meta');
    expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(1);
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const meta = events[0].data as { sources: { n: number; docId: string }[]; requestId: string };
    expect(meta.sources[0]).toMatchObject({ n: 1, docId: 'gongzufang-guide' });
    const done = events.at(-1)?.data as { answer: string };
    const streamed = events
      .filter((e) => e.event === 'delta')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(streamed).toBe(done.answer);
  });

  it('sends an error event with a problem body when the answer fails after the stream began', async () => {
    const failing = {
      id: 'broken',
      answer: async () => {
        throw new Error('boom /etc/secret');
      },
      async *stream() {
        yield { type: 'delta' as const, text: '申请' };
        throw new Error('boom /etc/secret');
      },
    };
    const { app } = await createTestApp({}, { answerer: failing });
    const res = await app.request(
      '/api/ask',
      post({ question: '申请公租房需要什么材料？' }, { accept: 'text/event-stream' }),
    );
    const events = parseSse(await res.text());
    const error = events.at(-1);
    expect(error?.event).toBe('error');
    expect(error?.data).toMatchObject({ code: 'INTERNAL', status: 500 });
    expect(JSON.stringify(error?.data)).not.toContain('/etc/secret');
  });

  it('falls back to the extractive answer when the provider fails, and says why', async () => {
    const fake = await createFakeAssistant();
    const chat = new ScriptedChatModel('openai:test').queue(
      new AppError('PROVIDER_RATE_LIMITED', 'openai:test: 模型服务限流 (HTTP 429)'),
    );
    const answerer = new FallbackAnswerer({
      primary: new GenerativeAnswerer({ chat, prompts: await loadPromptSet(), referralLine: '12345' }),
      fallback: fake.extractive,
      enabled: true,
    });
    const { app } = await createTestApp({}, { answerer });
    const body = await (await app.request('/api/ask', post({ question: '申请公租房需要什么材料？' }))).json();
    expect(body.provider).toBe('extractive');
    expect(body.fallbackReason).toMatch(/^PROVIDER_RATE_LIMITED/);
    expect(body.answer).toContain('身份证');
  });

  it('answers 503 problem while the index is loading', async () => {
    const { app } = await createTestApp({}, { ready: false });
    const res = await app.request('/api/ask', post({ question: '公租房' }));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).code).toBe('INDEX_NOT_READY');
  });

  it('rejects a non-JSON body with 415, malformed JSON with 400, bad fields with issues', async () => {
    const { app } = await createTestApp({ MAX_QUESTION_CHARS: '20' });
    const text = await app.request('/api/ask', {
      method: 'POST',
      body: 'question=hi',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toBe('application/problem+json');
    const broken = await app.request('/api/ask', post('{"question":'));
    expect(broken.status).toBe(400);
    expect((await broken.json()).code).toBe('BAD_REQUEST');
    const invalid = await app.request('/api/ask', post({ question: '', extra: 1, filters: { year: 'x' } }));
    expect(invalid.status).toBe(400);
    const problem = await invalid.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      '(body)',
      'filters.year',
      'question',
    ]);
    const long = await app.request('/api/ask', post({ question: '公'.repeat(21) }));
    expect(await long.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'question' }] });
  });

  it('rejects a body over maxBodyBytes with 413 before reading it', async () => {
    const { app } = await createTestApp({ MAX_BODY_BYTES: '1024' });
    const res = await app.request('/api/ask', post({ question: '公'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits requests per client per minute', async () => {
    const { app } = await createTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await app.request('/api/search?q=公租房')).status);
    expect(codes).toEqual([200, 200, 429]);
  });
});
