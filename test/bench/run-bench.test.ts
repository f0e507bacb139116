import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingKeys } from '../../src/bench/bench-report.js';
import { runBench } from '../../src/bench/run-bench.js';
import { loadConfig } from '../../src/config.js';

const seeds = fileURLToPath(new URL('../../seeds', import.meta.url));

describe('runBench over seeds/ (the whole command, tiny)', () => {
  it('builds, measures in process, cold-loads in a child, loads the real service for 1 s', async () => {
    const lines: string[] = [];
    const report = await runBench({
      config: loadConfig({}),
      corpusDirs: [seeds],
      questions: ['数字青岛2025年行动方案的目标是什么', '5G基站数达到多少', '如何申请公积金贷款'],
      httpSeconds: 1,
      connections: 4,
      log: (line) => lines.push(line),
    });
    expect(missingKeys(report)).toEqual([]);
    expect(report.corpus.documents).toBe(1);
    expect(report.corpus.chunks).toBeGreaterThan(1);
    expect(report.corpus.megabytes).toBeGreaterThan(0);
    // Ten vectors: the graph finds every exact neighbour.
    expect(report.hnsw.recallAt10).toBe(1);
    expect(report.hnsw.sweep?.map((p) => p.ef)).toEqual([16, 32, 64, 128, 256, 512]);
    expect(report.index.bytesOnDisk).toBeGreaterThan(0);
    expect(report.index.coldLoadSeconds).toBeGreaterThan(0);
    expect(report.index.rssMegabytes).toBeGreaterThan(50);
    expect(report.query.hybrid.p95).toBeGreaterThanOrEqual(report.query.hybrid.p50);
    expect(report.http.searchRps).toBeGreaterThan(0);
    expect(report.http.askRps).toBeGreaterThan(0);
    expect(report.http.searchErrors).toBe(0);
    expect(report.http.askErrors).toBe(0);
    expect(report.naive.ingestSeconds).toBeGreaterThanOrEqual(0);
    expect(lines.some((l) => l.startsWith('http:'))).toBe(true);
  }, 180_000);
});

describe('runBench with --store postgres (PGlite + pgvector on loopback)', () => {
  it('builds the index in the database and measures pgvector against an exact scan', async () => {
    const { startPgServer } = await import('../fakes/pg-server.js');
    const pg = await startPgServer();
    try {
      const report = await runBench({
        config: loadConfig({}),
        corpusDirs: [seeds],
        questions: ['5G基站数达到多少', '无证明机关要建成多少个'],
        httpSeconds: 1,
        connections: 2,
        store: 'postgres',
        databaseUrl: pg.url,
      });
      expect(missingKeys(report)).toEqual([]);
      expect(report.index.store).toBe('postgres');
      expect(report.corpus.documents).toBe(1);
      // Ten vectors in the database: pgvector's HNSW finds every exact neighbour.
      expect(report.hnsw.recallAt10).toBe(1);
      expect(report.index.bytesOnDisk).toBeGreaterThan(0);
      expect(report.http.searchRps).toBeGreaterThan(0);
      expect(report.http.searchErrors).toBe(0);
    } finally {
      await pg.stop();
    }
  }, 240_000);
});
