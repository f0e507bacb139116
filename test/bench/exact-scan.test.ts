import { describe, expect, it } from 'vitest';
import { ExactScan } from '../../src/bench/exact-scan.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31 - 0.5;
  };
}

describe('ExactScan', () => {
  it('finds the same top-k as sorting every cosine similarity', () => {
    const rnd = random(7);
    const dims = 16;
    const entries = Array.from({ length: 300 }, (_, i) => ({
      label: 1000 + i,
      vector: Array.from({ length: dims }, rnd),
    }));
    const scan = new ExactScan(dims, entries);
    const cos = (a: number[], b: number[]) => {
      let d = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < a.length; i++) {
        d += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
      }
      return d / Math.sqrt(na * nb);
    };
    for (let q = 0; q < 5; q++) {
      const query = Array.from({ length: dims }, rnd);
      const expected = entries
        .map((e) => ({ label: e.label, score: cos(e.vector, query) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      const got = scan.search(query, 10);
      expect(got.map((h) => h.label)).toEqual(expected.map((h) => h.label));
      got.forEach((h, i) => {
        expect(h.score).toBeCloseTo(expected[i].score, 5);
      });
    }
  });

  it('returns fewer hits than k when it holds fewer vectors', () => {
    const scan = new ExactScan(2, [{ label: 1, vector: [1, 0] }]);
    expect(scan.search([1, 1], 10)).toHaveLength(1);
  });
});
