import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';

// The fake is shared with the chat provider tests: its chat side is checked here on the wire.
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'qwen', messages: [{ role: 'user', content: '社保怎么转移?' }], ...body }),
  });

function dataLines(sse: string): string[] {
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((event) => event.replace(/^data: /, ''));
}

describe('fake OpenAI-compatible server', () => {
  it('answers chat as JSON: queued replies first, then an echo of the last user message', async () => {
    server.queueReply('根据《办法》[1], 可以转移。');
    const first = (await (await chat({})).json()) as { choices: { message: { content: string } }[] };
    expect(first.choices[0].message.content).toBe('根据《办法》[1], 可以转移。');
    const second = (await (await chat({})).json()) as { choices: { message: { content: string } }[] };
    expect(second.choices[0].message.content).toBe('echo: 社保怎么转移?');
  });

  it('streams SSE: role chunk, several content chunks, finish, usage on request, [DONE]', async () => {
    server.queueReply('第一句。第二句。第三句。');
    const res = await chat({ stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const lines = dataLines(await res.text());
    expect(lines.at(-1)).toBe('[DONE]');
    const chunks = lines.slice(0, -1).map((l) => JSON.parse(l));
    const content = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe('第一句。第二句。第三句。');
    expect(chunks.filter((c) => c.choices[0]?.delta?.content).length).toBeGreaterThanOrEqual(3);
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true);
    expect(chunks.at(-1).usage.completion_tokens).toBe(12);
  });

  it('records requests and switches mode per scenario and per request', async () => {
    server.requests.length = 0;
    server.setMode('server-error', 1);
    expect((await chat({})).status).toBe(500);
    expect((await chat({})).status).toBe(200);
    const limited = await chat({}, { 'x-fake-mode': 'rate-limited' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as { error: { type: string } }).error.type).toBe('rate_limit_exceeded');
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill('/v1/chat/completions'));
    expect((server.requests[0].body as { model: string }).model).toBe('qwen');
  });

  it('drops a stream mid-way without [DONE]', async () => {
    server.queueReply('第一句。第二句。第三句。');
    const res = await chat({ stream: true }, { 'x-fake-mode': 'stream-drop' });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended cleanly';
        received += Buffer.from(value).toString('utf8');
      }
    })().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(received).toContain('第一句');
    expect(received).not.toContain('[DONE]');
  });
});
