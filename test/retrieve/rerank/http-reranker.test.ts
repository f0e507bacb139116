import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../../src/errors.js';
import { createReranker } from '../../../src/retrieve/rerank/create-reranker.js';
import { withFallback } from '../../../src/retrieve/rerank/fallback-reranker.js';
import { createHttpReranker } from '../../../src/retrieve/rerank/http-reranker.js';
import type { Reranker } from '../../../src/retrieve/rerank/reranker.js';
import { type FakeRerankServer, startFakeRerankServer } from '../../fakes/fake-rerank-server.js';
import { passage } from './rerank-passages.js';

let fake: FakeRerankServer;
beforeAll(async () => {
  fake = await startFakeRerankServer();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.mode = 'ok';
  fake.requests.length = 0;
});

const context = { groups: [], idf: new Map<string, number>() };
// Retrieval order: the heating passage is second; the fake model scores it first for a heating question.
const passages = [
  passage('a', '青岛市养犬管理条例', '携犬出户应当束犬链', 1),
  passage('b', '青岛市供热条例', '供热期间室温不得低于18摄氏度', 2),
  passage('c', '青岛市物业管理条例', '业主大会会议', 3),
];

function http(timeoutMs = 2000): Reranker {
  return createHttpReranker({ baseURL: fake.url, model: 'bge-reranker', apiKey: 'sk-test', timeoutMs });
}

async function failure(reranker: Reranker): Promise<AppError> {
  try {
    await reranker.rerank('供热室温', passages, context);
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('HTTP reranker (/v1/rerank)', () => {
  it('posts {model, query, documents, top_n} with the key and orders by relevance_score', async () => {
    const out = await http().rerank('供热室温', passages, context);
    expect(out.map((p) => p.meta.id)).toEqual(['b', 'a', 'c']);
    const [req] = fake.requests;
    expect(req.path).toBe('/v1/rerank');
    expect(req.authorization).toBe('Bearer sk-test');
    expect(req.body.model).toBe('bge-reranker');
    expect(req.body.query).toBe('供热室温');
    expect(req.body.top_n).toBe(3);
    expect(req.body.documents[1]).toContain('青岛市供热条例');
    expect(req.body.documents[1]).toContain('室温不得低于18摄氏度');
  });

  it.each([
    ['unauthorized', 'PROVIDER_AUTH'],
    ['rate-limited', 'PROVIDER_RATE_LIMITED'],
    ['server-error', 'PROVIDER_UNAVAILABLE'],
    ['malformed', 'PROVIDER_BAD_RESPONSE'],
    ['bad-index', 'PROVIDER_BAD_RESPONSE'],
  ] as const)('translates %s into %s', async (mode, code) => {
    fake.mode = mode;
    const err = await failure(http());
    expect(err.code).toBe(code);
    expect(err.message).not.toContain('sk-test');
  });

  it('gives up after the timeout with PROVIDER_TIMEOUT', async () => {
    fake.mode = 'hang';
    const started = performance.now();
    const err = await failure(http(300));
    expect(err.code).toBe('PROVIDER_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports an unreachable server as PROVIDER_UNAVAILABLE', async () => {
    const down = createHttpReranker({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 });
    expect((await failure(down)).code).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('fallback to the offline order', () => {
  it.each(['rate-limited', 'server-error', 'hang', 'malformed'] as const)(
    'on %s returns the offline order and reports the typed error',
    async (mode) => {
      fake.mode = mode;
      const errors: string[] = [];
      const reranker = createReranker(
        { kind: 'http', baseURL: fake.url, model: 'bge-reranker', apiKey: undefined, timeoutMs: 300 },
        (err) => errors.push(err.code),
      );
      const offline = createReranker({ kind: 'offline' });
      const out = await reranker?.rerank('供热室温', passages, context);
      expect(out?.map((p) => p.meta.id)).toEqual(
        (await offline?.rerank('供热室温', passages, context))?.map((p) => p.meta.id),
      );
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^PROVIDER_/);
    },
  );

  it('uses the model when it answers', async () => {
    const calls: string[] = [];
    const fallback: Reranker = {
      name: 'spy',
      rerank: async (_q, ps) => {
        calls.push('fallback');
        return [...ps];
      },
    };
    const out = await withFallback(http(), fallback).rerank('供热室温', passages, context);
    expect(out[0].meta.id).toBe('b');
    expect(calls).toEqual([]);
  });
});
