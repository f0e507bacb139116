import { describe, expect, it } from 'vitest';
import { hitAtK, reciprocalRankAtK } from '../../src/eval/retrieval-metrics.js';

describe('retrieval metrics', () => {
  it('hit@k passes at or above k and names the rank when it fails', () => {
    expect(hitAtK(3, 3)).toMatchObject({ pass: true, score: 1 });
    expect(hitAtK(4, 3)).toEqual({
      pass: false,
      score: 0,
      reason: 'evidence not in top 3: first cover at rank 4',
    });
    expect(hitAtK(undefined, 10).reason).toContain('no retrieved passage covers the evidence');
  });
  it('reciprocal rank is 1/rank within k and 0 beyond', () => {
    expect(reciprocalRankAtK(1, 10).score).toBe(1);
    expect(reciprocalRankAtK(4, 10).score).toBe(0.25);
    expect(reciprocalRankAtK(11, 10)).toMatchObject({ pass: false, score: 0 });
  });
});
