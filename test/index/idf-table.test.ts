import { describe, expect, it } from 'vitest';
import { bm25Idf } from '../../src/index/bm25-scoring.js';
import { buildIdfTable, type IdfTable, IdfWeights } from '../../src/index/idf-table.js';

/** A table of `n` features with scattered hashes and document frequencies. */
function sampleCounts(n: number): Map<number, number> {
  const counts = new Map<number, number>();
  let h = 12345;
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 2;
    counts.set(h, 2 + (i % 37));
  }
  return counts;
}

describe('IdfWeights', () => {
  it('gives every feature its idf and an absent one the idf of df = 1, before and after hashing', () => {
    const counts = sampleCounts(5000);
    const weights = new IdfWeights(buildIdfTable(counts, 800));
    const expected = (f: number) => bm25Idf(800, counts.get(f) ?? 1);
    const features = [...counts.keys()];
    const absent = [1, 7, 2 ** 29 + 3];
    // The first lookups (a question's) are answered from the sorted keys …
    for (const f of [...features.slice(0, 200), ...absent]) expect(weights.weight(f)).toBe(expected(f));
    // … and after many (a document's) from the hash table, with the same values.
    for (let round = 0; round < 5; round++) for (const f of features) weights.weight(f);
    for (const f of [...features, ...absent]) expect(weights.weight(f)).toBe(expected(f));
  });

  it('reads a table whose keys are not in order', () => {
    const keys = Uint32Array.from([9, 3, 5]);
    const df = Uint32Array.from([4, 2, 3]);
    const table: IdfTable = {
      version: 1,
      documents: 10,
      minDf: 2,
      keys: Buffer.from(keys.buffer).toString('base64'),
      df: Buffer.from(df.buffer).toString('base64'),
    };
    const weights = new IdfWeights(table);
    expect(weights.weight(3)).toBe(bm25Idf(10, 2));
    expect(weights.weight(9)).toBe(bm25Idf(10, 4));
    expect(weights.weight(4)).toBe(bm25Idf(10, 1));
  });
});
