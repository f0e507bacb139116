import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { OpenAICompatibleEmbedder } from '../../src/index/openai-embedder.js';
import { type FakeOpenAIServer, fakeEmbedding, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.setMode('ok');
  server.requests.length = 0;
});

function embedder(overrides: { timeoutMs?: number; dimensions?: number; batchSize?: number } = {}) {
  return new OpenAICompatibleEmbedder({
    baseURL: server.url,
    model: 'bge-m3',
    apiKey: 'test-key',
    dimensions: overrides.dimensions ?? 8,
    timeoutMs: overrides.timeoutMs ?? 2000,
    maxRetries: 0,
    batchSize: overrides.batchSize ?? 2,
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).cause).toBeDefined();
    return (err as AppError).code;
  }
}

describe('OpenAICompatibleEmbedder', () => {
  it('embeds in batches, asks for floats and keeps newlines in Chinese text', async () => {
    const texts = ['第一条\n为了规范养犬行为', '第二条', '第三条\r\n本条例'];
    const vectors = await embedder().embedDocuments(texts);
    expect(vectors).toEqual(texts.map((t) => fakeEmbedding(t, 8)));
    const bodies = server.requests.map(
      (r) => r.body as { input: string[]; encoding_format: string; dimensions: number; model: string },
    );
    expect(bodies.map((b) => b.input)).toEqual([texts.slice(0, 2), texts.slice(2)]);
    expect(bodies[0]).toMatchObject({ encoding_format: 'float', dimensions: 8, model: 'bge-m3' });
    expect(server.requests[0].raw).toContain('\\n为了规范');
    expect(server.requests[0].headers.authorization).toBe('Bearer test-key');
  });

  it('embeds a query', async () => {
    expect(await embedder().embedQuery('社保\n转移')).toEqual(fakeEmbedding('社保\n转移', 8));
  });

  it('maps 401, 429, 500, a dropped connection and a hang to typed errors quickly', async () => {
    const started = Date.now();
    server.setMode('unauthorized', 1);
    expect(await codeOf(embedder().embedQuery('x'))).toBe('PROVIDER_AUTH');
    server.setMode('rate-limited', 1);
    expect(await codeOf(embedder().embedQuery('x'))).toBe('PROVIDER_RATE_LIMITED');
    server.setMode('server-error', 1);
    expect(await codeOf(embedder().embedDocuments(['x']))).toBe('PROVIDER_UNAVAILABLE');
    server.setMode('drop', 1);
    expect(await codeOf(embedder().embedQuery('x'))).toBe('PROVIDER_UNAVAILABLE');
    server.setMode('hang', 1);
    expect(await codeOf(embedder({ timeoutMs: 300 }).embedQuery('x'))).toBe('PROVIDER_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
    // maxRetries 0: one request per failing call.
    expect(server.requests).toHaveLength(5);
  });

  it('rejects empty vectors and vectors of the wrong size as PROVIDER_BAD_RESPONSE', async () => {
    server.setMode('bad-embedding', 1);
    const empty = await embedder()
      .embedDocuments(['a', 'b'])
      .catch((x: unknown) => x);
    expect(empty).toBeInstanceOf(AppError);
    expect((empty as AppError).code).toBe('PROVIDER_BAD_RESPONSE');
    expect((empty as AppError).message).toMatch(/期望 8 维, 收到 0 维/);
    server.setMode('wrong-dimensions', 1);
    const wrong = await embedder()
      .embedQuery('a')
      .catch((x: unknown) => x);
    expect((wrong as AppError).code).toBe('PROVIDER_BAD_RESPONSE');
    expect((wrong as AppError).message).toMatch(/收到 9 维/);
  });

  it('decodes base64 answers when a client asks for them (the fake speaks both)', async () => {
    const res = await fetch(`${server.url}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: ['社保'], encoding_format: 'base64', dimensions: 4 }),
    });
    const json = (await res.json()) as { data: { embedding: string }[] };
    const bytes = Buffer.from(json.data[0].embedding, 'base64');
    const floats = Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
    expect(floats.map((x) => x.toFixed(5))).toEqual(fakeEmbedding('社保', 4).map((x) => x.toFixed(5)));
  });
});
