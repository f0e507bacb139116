import { describe, expect, it } from 'vitest';
import { type BenchReport, formatReport, missingKeys, REQUIRED_KEYS } from '../../src/bench/bench-report.js';

/** The issue's contract, verbatim. */
const ISSUE_SHAPE = {
  corpus: { documents: 0, chunks: 0, megabytes: 0 },
  ingest: { seconds: 0, stages: { load: 0, tokenize: 0, embed: 0, hnsw: 0, bm25: 0, write: 0 } },
  index: { bytesOnDisk: 0, coldLoadSeconds: 0, rssMegabytes: 0 },
  query: {
    bm25: { p50: 0, p95: 0 },
    vector: { p50: 0, p95: 0 },
    hybrid: { p50: 0, p95: 0 },
    answer: { p50: 0, p95: 0 },
  },
  hnsw: { recallAt10: 0, speedupVsExact: 0 },
  http: { searchRps: 0, searchP95Ms: 0, askRps: 0, askP95Ms: 0 },
  naive: { ingestSeconds: 0, queryP95Ms: 0 },
};

function leafPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

const complete: BenchReport = {
  corpus: { documents: 4300, chunks: 77581, megabytes: 31 },
  ingest: { seconds: 110, stages: { load: 5, tokenize: 20, embed: 10, hnsw: 80, bm25: 12, write: 4 } },
  index: { bytesOnDisk: 4e8, coldLoadSeconds: 2, rssMegabytes: 900 },
  query: {
    bm25: { p50: 1, p95: 2 },
    vector: { p50: 1, p95: 2 },
    hybrid: { p50: 3, p95: 25 },
    answer: { p50: 5, p95: 9 },
  },
  hnsw: { recallAt10: 0.8, speedupVsExact: 30 },
  http: { searchRps: 1200, searchP95Ms: 40, askRps: 600, askP95Ms: 90 },
  naive: { ingestSeconds: 60, queryP95Ms: 30 },
};

describe('bench report shape', () => {
  it('requires exactly the keys of the issue', () => {
    expect([...REQUIRED_KEYS].sort()).toEqual(leafPaths(ISSUE_SHAPE).sort());
  });

  it('a complete report misses nothing; extra keys beside the required ones are fine', () => {
    expect(missingKeys(complete)).toEqual([]);
    expect(missingKeys({ ...complete, machine: { cpus: 2 } })).toEqual([]);
  });

  it('names missing and non-numeric keys', () => {
    const broken = structuredClone(complete) as unknown as Record<string, Record<string, unknown>>;
    delete broken.hnsw.recallAt10;
    broken.http.askRps = Number.NaN;
    broken.naive = 'n/a' as unknown as Record<string, unknown>;
    expect(missingKeys(broken)).toEqual([
      'hnsw.recallAt10',
      'http.askRps',
      'naive.ingestSeconds',
      'naive.queryP95Ms',
    ]);
  });

  it('the table marks each target ok or MISS', () => {
    const table = formatReport(complete);
    expect(table).toMatch(/ingest\s+110 s\s+≤ 120\s+ok/);
    expect(table).toMatch(/hybrid p95\s+25\.0 ms\s+≤ 20\s+MISS/);
    expect(table).toMatch(/HNSW recall@10\s+0\.8\s+≥ 0\.98\s+MISS/);
    expect(table).toContain('77581 chunks');
  });
});
