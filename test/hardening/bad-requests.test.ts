import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../fakes/fake-app.js';
import { type Listening, listen, rawRequest } from './listen.js';

/**
 * Bad requests: each is refused with a problem body that says what is wrong, nothing is buffered
 * that need not be, and the service keeps serving. Routes run over the fake spine (no jieba).
 */

const ADMIN = 'hardening-admin-token';
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

let t: TestApp;
let server: Listening;

beforeAll(async () => {
  t = await createTestApp({ MAX_QUESTION_CHARS: '50', MAX_BODY_BYTES: '65536', ADMIN_TOKEN: ADMIN });
  server = await listen(t.app);
});
afterAll(() => server?.close());

const problem = async (res: Response) => ({
  status: res.status,
  contentType: res.headers.get('content-type'),
  ...(await res.json()),
});

describe('bad questions and bodies', () => {
  it('refuses an empty or whitespace-only question (full-width spaces included)', async () => {
    for (const question of ['', '   ', '\n\t', '\u3000\u3000']) {
      const p = await problem(await t.app.request('/api/ask', json({ question })));
      expect(p).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', issues: [{ path: 'question' }] });
      expect(p.contentType).toBe('application/problem+json');
    }
  });

  it('refuses a question over maxQuestionChars and accepts one at the limit', async () => {
    const over = await problem(await t.app.request('/api/ask', json({ question: '公'.repeat(51) })));
    expect(over).toMatchObject({
      status: 400,
      issues: [{ path: 'question', message: '不能超过 50 个字符' }],
    });
    const at = await t.app.request('/api/ask', json({ question: `公租房${'申'.repeat(47)}` }));
    expect(at.status).toBe(200);
  });

  it('answers malformed JSON with 400 and JSON that is not an object with the issue', async () => {
    for (const body of ['{"question":', '{question: 1}', "{'question':'x'}", '']) {
      expect(await problem(await t.app.request('/api/ask', json(body)))).toMatchObject({
        status: 400,
        code: 'BAD_REQUEST',
      });
    }
    for (const body of ['"公租房"', '[]', 'null', '42']) {
      expect(await problem(await t.app.request('/api/ask', json(body)))).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('answers a body that is not declared as JSON with 415', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      {} as Record<string, string>,
    ]) {
      const res = await t.app.request('/api/ask', { method: 'POST', headers, body: '{"question":"公租房"}' });
      expect(await problem(res)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
  });

  it('rejects unknown fields in JSON bodies with 400 naming them (query strings ignore them)', async () => {
    const p = await problem(
      await t.app.request('/api/ask', json({ question: '公租房', temperature: 2, filters: { admin: true } })),
    );
    expect(p.status).toBe(400);
    const text = JSON.stringify(p.issues);
    expect(text).toContain('temperature');
    expect(text).toContain('admin');
    const fb = await problem(
      await t.app.request('/api/feedback', json({ requestId: 'r1', rating: 'up', userId: 7 })),
    );
    expect(JSON.stringify(fb.issues)).toContain('userId');
    // Query strings: unknown parameters (cache busters such as `_=`) are ignored, documented.
    expect((await t.app.request('/api/search?q=公租房&_=123')).status).toBe(200);
  });

  it('refuses k outside 1..50 and non-integers', async () => {
    for (const k of ['0', '-1', '51', '2.5', 'abc', '1e9']) {
      const p = await problem(await t.app.request(`/api/search?q=公租房&k=${k}`));
      expect(p, `k=${k}`).toMatchObject({ status: 400, issues: [{ path: 'k' }] });
    }
    expect((await t.app.request('/api/search?q=公租房&k=50')).status).toBe(200);
  });

  it('refuses a body that is not valid UTF-8 with 400 instead of searching U+FFFD', async () => {
    const before = '{"question":"公租房'; // then a lone continuation byte and an overlong form
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0x80, 0xc0, 0xaf]), Buffer.from('"}')]);
    const res = await t.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
    });
    expect(await problem(res)).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      detail: expect.stringContaining('UTF-8'),
    });
    // Invalid percent-encoding in a query is not a server error either.
    expect((await t.app.request('/api/search?q=%FF%FE')).status).toBeLessThan(500);
  });
});

const MB10 = 10 * 1024 * 1024;

describe('oversized bodies on a real socket', () => {
  it('answers a declared 10 MB body with 413 at once, before the body is sent', async () => {
    const head = [
      'POST /api/ask HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Content-Length: ${MB10}`,
      '',
      '',
    ].join('\r\n');
    // 160 chunks of 64 KB (10 MB) offered 20 ms apart; the reply must come after the first few.
    const chunks = Array.from({ length: 160 }, () => Buffer.alloc(65536, 0x20));
    const reply = await rawRequest(server.port, head, chunks);
    expect(reply.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.text).toContain('PAYLOAD_TOO_LARGE');
    expect(reply.firstByteMs).toBeLessThan(1000);
    expect(reply.bodyBytesWritten).toBeLessThan(MB10 / 4);
  });

  it('cuts off a chunked body without Content-Length as soon as it passes the limit', async () => {
    const head = [
      'POST /api/ask HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n');
    const piece = Buffer.alloc(16384, 0x20);
    const chunk = Buffer.concat([
      Buffer.from(`${piece.length.toString(16)}\r\n`),
      piece,
      Buffer.from('\r\n'),
    ]);
    const reply = await rawRequest(
      server.port,
      head,
      Array.from({ length: 640 }, () => chunk),
      { gapMs: 5 },
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 413 /);
    // The limit is 64 KB: the reply came after a few chunks, not the 10 MB offered.
    expect(reply.bodyBytesWritten).toBeLessThan(MB10 / 4);
  });

  it('refuses an unauthenticated upload before buffering it', async () => {
    const head = [
      'POST /api/admin/documents HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: multipart/form-data; boundary=x',
      'Transfer-Encoding: chunked',
      '',
      '',
    ].join('\r\n');
    const piece = Buffer.alloc(65536, 0x41);
    const chunk = Buffer.concat([
      Buffer.from(`${piece.length.toString(16)}\r\n`),
      piece,
      Buffer.from('\r\n'),
    ]);
    const reply = await rawRequest(
      server.port,
      head,
      Array.from({ length: 160 }, () => chunk),
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 401 /);
    expect(reply.bodyBytesWritten).toBeLessThan(MB10 / 4);
  });

  it('survives a client that stops half-way through its body, and serves the next request', async () => {
    const head = [
      'POST /api/ask HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Content-Length: 4000',
      '',
      '{"question":"公租',
    ].join('\r\n');
    const reply = await rawRequest(server.port, head, [], { waitMs: 300, endAfterBody: false });
    expect(reply.text).toBe(''); // still waiting for the rest; then the client vanishes
    const next = await fetch(`${server.base}/api/search?q=公租房`);
    expect(next.status).toBe(200);
    const failures = t.logs.filter((l) => l.includes('"code":"INTERNAL"'));
    expect(failures).toEqual([]);
  });
});
