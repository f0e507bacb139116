import { describe, expect, it } from 'vitest';
import { createOfflineReranker, offlineScore } from '../../../src/retrieve/rerank/offline-reranker.js';
import { passageFeatures } from '../../../src/retrieve/rerank/passage-features.js';
import { passage } from './rerank-passages.js';

const idf = new Map([
  ['暖气', 5],
  ['供热', 3],
  ['室温', 4],
  ['标准', 1],
]);
const context = { groups: [['暖气', '供热'], ['室温'], ['标准']], idf };

describe('passageFeatures', () => {
  it('scores coverage after expansion, place agreement and structure, each in [0, 1]', () => {
    const [covered, partial, elsewhere] = passageFeatures(
      '青岛暖气室温标准',
      [
        passage('a', '青岛市供热条例', '供热期间室温标准不低于18摄氏度', 1, { article: '第二十条' }),
        passage('b', '青岛市物业管理条例', '室温', 2),
        passage('c', '济南市供热条例', '供热室温标准', 3),
      ],
      context,
    );
    expect(covered.coverage).toBeCloseTo(1);
    expect(partial.coverage).toBeGreaterThan(0);
    expect(partial.coverage).toBeLessThan(1);
    expect([covered.place, elsewhere.place]).toEqual([1, 0]);
    expect([covered.structured, partial.structured]).toEqual([1, 0]);
    expect(covered.fused).toBe(1);
    expect(partial.bm25).toBeCloseTo(0.5);
    expect(partial.fused).toBeCloseTo(0.9);
  });
});

describe('offline reranker', () => {
  it('lifts the passage that covers the question in the asked place above a better-fused partial match', async () => {
    const passages = [
      passage('b', '青岛市物业管理条例', '服务标准', 1),
      passage('c', '济南市供热条例', '供热室温标准', 2),
      passage('a', '青岛市供热条例', '供热期间室温标准不低于18摄氏度', 3),
    ];
    const out = await createOfflineReranker().rerank('青岛暖气室温标准', passages, context);
    expect(out.map((p) => p.meta.id)).toEqual(['a', 'c', 'b']);
    expect(new Set(out)).toEqual(new Set(passages));
  });

  it('keeps the article route first and the retrieval order on ties', async () => {
    const routed = {
      ...passage('z', '中华人民共和国宪法', '第一条', 9),
      why: { articleMatch: true, matchedTerms: [] },
    };
    const same = [passage('x', '甲', '无关', 1), passage('y', '乙', '无关', 1)];
    const out = await createOfflineReranker().rerank('宪法第一条', [...same, routed], { groups: [], idf });
    expect(out.map((p) => p.meta.id)).toEqual(['z', 'x', 'y']);
  });

  it('weighs coverage: a covered passage scores higher than the same passage uncovered', () => {
    const f = { fused: 0.5, bm25: 0.5, vector: 0, coverage: 0, place: 1, structured: 0 };
    expect(offlineScore({ ...f, coverage: 1 })).toBeGreaterThan(offlineScore(f));
  });
});
