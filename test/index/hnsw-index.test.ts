import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../src/index/hnsw-index.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function randomVectors(n: number, d: number, seed = 7): number[][] {
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 0xffffffff - 0.5;
  };
  return Array.from({ length: n }, () => Array.from({ length: d }, rnd));
}

function exactTop(vectors: Map<number, number[]>, q: number[], k: number): number[] {
  const cos = (a: number[], b: number[]) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i += 1) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  };
  return [...vectors]
    .map(([label, v]) => ({ label, s: cos(v, q) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((x) => x.label);
}

describe('HnswVectorIndex', () => {
  it('finds ≥ 95% of the exact top-10 on random vectors, growing past its initial capacity', () => {
    const d = 32;
    const vectors = randomVectors(3000, d);
    const index = HnswVectorIndex.create(d);
    const byLabel = new Map<number, number[]>();
    vectors.forEach((v, i) => {
      index.add(i, v);
      byLabel.set(i, v);
    });
    expect(index.size).toBe(3000);
    const queries = randomVectors(50, d, 99);
    let found = 0;
    for (const q of queries) {
      const truth = new Set(exactTop(byLabel, q, 10));
      found += index.search(q, 10).filter((h) => truth.has(h.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
    // Exact search over a subset agrees with brute force.
    const subset = [...byLabel.keys()].filter((l) => l % 7 === 0);
    const sub = new Map(subset.map((l) => [l, byLabel.get(l) as number[]]));
    expect(index.exactSearch(queries[0], 5, subset).map((h) => h.label)).toEqual(
      exactTop(sub, queries[0], 5),
    );
  });

  it('hides removed points, reuses their slots, filters, and refuses reused labels and wrong sizes', () => {
    const vectors = randomVectors(200, 16, 3);
    const index = HnswVectorIndex.create(16);
    vectors.forEach((v, i) => {
      index.add(i, v);
    });
    expect(index.search(vectors[5], 1)[0]).toMatchObject({ label: 5 });
    expect(index.search(vectors[5], 1)[0].score).toBeCloseTo(1, 5);
    expect(index.remove(5)).toBe(true);
    expect(index.remove(5)).toBe(false);
    expect(index.search(vectors[5], 10).map((h) => h.label)).not.toContain(5);
    index.add(1000, vectors[5]);
    expect(index.search(vectors[5], 1)[0].label).toBe(1000);
    expect(index.search(vectors[5], 5, (l) => l % 2 === 1).every((h) => h.label % 2 === 1)).toBe(true);
    expect(() => index.add(1000, vectors[6])).toThrow(/already in use/);
    expect(() => index.search([1, 2, 3], 1)).toThrow(/维/);
    expect(index.size).toBe(200);
  });

  it('persists and reloads with efSearch restored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hnsw-'));
    dirs.push(dir);
    const vectors = randomVectors(500, 24, 5);
    const index = HnswVectorIndex.create(24, { efSearch: 80 });
    vectors.forEach((v, i) => {
      index.add(i, v);
    });
    index.remove(3);
    const file = join(dir, 'v.hnsw');
    index.save(file);
    const live = [...Array(500).keys()].filter((l) => l !== 3);
    const loaded = await HnswVectorIndex.load(file, 24, { efSearch: 80 }, live);
    expect(loaded.size).toBe(499);
    expect(loaded.search(vectors[10], 3)).toEqual(index.search(vectors[10], 3));
    expect(loaded.search(vectors[3], 5).map((h) => h.label)).not.toContain(3);
    loaded.add(600, vectors[3]);
    expect(loaded.search(vectors[3], 1)[0].label).toBe(600);
  });
});
