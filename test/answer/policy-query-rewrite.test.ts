import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAICompatibleChat } from '../../src/answer/openai-chat.js';
import {
  createPolicyRewritingRetriever,
  mergeRewritten,
  POLICY_REWRITE_SYSTEM,
  usableRewrite,
} from '../../src/answer/policy-query-rewrite.js';
import type { Passage, Retrieval } from '../../src/domain.js';
import type { Retriever } from '../../src/retrieve/retriever.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { passage } from '../retrieve/rerank/rerank-passages.js';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(() => server.close());
afterEach(() => server.setMode('ok'));

const chat = (timeoutMs = 15_000) =>
  new OpenAICompatibleChat({
    baseURL: server.url,
    model: 'qwen-plus',
    apiKey: 'sk-test-key',
    timeoutMs,
    maxRetries: 0,
    temperature: 0.1,
    maxTokens: 256,
  });

const heating = passage('heat', '青岛市供热条例', '供热企业应当保证室温不低于18摄氏度', 1);
const pets = passage('dog', '青岛市养犬管理条例', '携犬出户应当束犬链', 1);

/**
 * A retriever over two passages that finds a passage when the query holds its official term: the
 * citizen's 暖气 finds nothing, the rewrite's 供热 finds the heating rules. It records each query.
 */
function wordRetriever(): Retriever & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async retrieve(query): Promise<Retrieval> {
      queries.push(query);
      const passages = [
        ...(query.includes('供热') ? [heating] : []),
        ...(query.includes('狗') || query.includes('犬') ? [pets] : []),
      ];
      return {
        query,
        passages,
        relevant: query.includes('狗'),
        confidence: query.includes('狗') ? 0.8 : 0.2,
        timings: { bm25Ms: 1, vectorMs: 1, fuseMs: 1 },
      };
    },
  };
}

describe('policy rewriting retriever', () => {
  it('asks the model for an official-style passage and searches with the question and the rewrite', async () => {
    server.queueReply('供热企业应当保证供热期间居民室温不低于规定标准。');
    const inner = wordRetriever();
    const out = await createPolicyRewritingRetriever({ retriever: inner, chat: chat() }).retrieve(
      '我家暖气和狗的问题',
    );
    expect(inner.queries).toEqual([
      '我家暖气和狗的问题',
      '我家暖气和狗的问题\n供热企业应当保证供热期间居民室温不低于规定标准。',
    ]);
    // The question's own hit stays first; the rewrite adds the heating passage.
    expect(out.passages.map((p) => p.meta.id)).toEqual(['dog', 'heat']);
    // Relevance is the question's own judgement, not the rewrite's.
    expect([out.relevant, out.confidence]).toEqual([true, 0.8]);
    const request = server.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(request.messages[0]).toEqual({ role: 'system', content: POLICY_REWRITE_SYSTEM });
    expect(request.messages[1]).toEqual({ role: 'user', content: '我家暖气和狗的问题' });
  });

  it.each(['server-error', 'rate-limited', 'drop'] as const)(
    'searches the question alone when the model fails (%s)',
    async (mode) => {
      server.setMode(mode);
      const inner = wordRetriever();
      const failures: unknown[] = [];
      const out = await createPolicyRewritingRetriever({
        retriever: inner,
        chat: chat(),
        onFallback: (err) => failures.push(err),
      }).retrieve('我家暖气不热');
      expect(inner.queries).toEqual(['我家暖气不热']);
      expect(out.passages).toEqual([]);
      expect(failures).toHaveLength(1);
    },
  );

  it('searches the question alone when the model does not answer in time', async () => {
    server.setMode('hang');
    const inner = wordRetriever();
    const started = performance.now();
    await createPolicyRewritingRetriever({ retriever: inner, chat: chat(), timeoutMs: 300 }).retrieve('暖气');
    expect(inner.queries).toEqual(['暖气']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('usableRewrite and mergeRewritten', () => {
  it('trims code fences and spaces, bounds the length, and rejects an empty or echoed reply', () => {
    expect(usableRewrite('```\n供热  企业\n```', '暖气')).toBe('供热 企业');
    expect(usableRewrite('供'.repeat(1000), '暖气')?.length).toBe(300);
    expect(usableRewrite('  ', '暖气')).toBeUndefined();
    expect(usableRewrite('暖气不热怎么办', '暖气不热怎么办')).toBeUndefined();
  });

  it('keeps the original order first and lets a passage in both lists rise', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id, i): Passage => passage(id, id, id, i + 1));
    expect(mergeRewritten([a, b], [c], 0.5, 3).map((p) => p.meta.id)).toEqual(['a', 'b', 'c']);
    expect(mergeRewritten([a, b], [b, c], 0.5, 3).map((p) => p.meta.id)).toEqual(['b', 'a', 'c']);
    expect(mergeRewritten([a, b], [b, c], 0.5, 2)).toHaveLength(2);
  });
});
