import { describe, expect, it } from 'vitest';
import { labelRecallAtK, mean, recallAtK } from '../../src/bench/recall.js';

describe('recall@k', () => {
  it('is 1 when the approximate top-k reaches the exact k-th similarity', () => {
    expect(recallAtK([0.9, 0.8, 0.7], [0.9, 0.8, 0.7], 3)).toBe(1);
  });

  it('counts hits below the exact k-th similarity as misses', () => {
    expect(recallAtK([0.9, 0.6, 0.5], [0.9, 0.8, 0.7], 3)).toBeCloseTo(1 / 3);
  });

  it('counts a tie with the k-th neighbour as found; label recall does not', () => {
    // Exact: labels 1, 2, 3 (label 3 ties with label 4 at 0.7). Approximate found 4 instead of 3.
    expect(recallAtK([0.9, 0.8, 0.7], [0.9, 0.8, 0.7], 3)).toBe(1);
    expect(labelRecallAtK([1, 2, 4], [1, 2, 3], 3)).toBeCloseTo(2 / 3);
  });

  it('uses the exact list’s length when the index holds fewer than k vectors', () => {
    expect(recallAtK([0.5, 0.4], [0.5, 0.4], 10)).toBe(1);
    expect(labelRecallAtK([7], [7, 8], 10)).toBe(0.5);
    expect(recallAtK([], [], 10)).toBe(1);
  });

  it('mean of per-query recalls', () => {
    expect(mean([1, 0.5])).toBe(0.75);
    expect(mean([])).toBeNaN();
  });
});
