import type { Embedder } from '../index/embedder.js';
import type { HnswVectorIndex } from '../index/hnsw-index.js';
import { compareWithExact, type ExactComparison, K, SCORE_EPSILON, sum } from './compare-with-exact.js';
import { ExactScan } from './exact-scan.js';
import type { LatencySummary } from './percentiles.js';
import { mean, recallAtK } from './recall.js';

export interface HnswMeasurement {
  recallAt10: number;
  /** Recall by labels (ties with the 10th exact neighbour count as misses). */
  labelRecallAt10: number;
  speedupVsExact: number;
  hnswMs: LatencySummary;
  exactMs: LatencySummary;
  params: Record<string, number>;
  /** Recall and speed-up at other search-time `ef` values over the same graph and queries. */
  sweep: { ef: number; recallAt10: number; meanMs: number; speedupVsExact: number }[];
}

/** Search-time ef values of the sweep (the graph is built once; ef only changes the search). */
const SWEEP_EF = [16, 32, 64, 128, 256, 512];

/**
 * HNSW against an exact cosine scan over the same stored vectors, for the embedded questions:
 * recall@10 and the ratio of total exact time to total HNSW time (both timed in this run, one
 * query after the other, after one warm-up pass of each).
 */
export async function measureHnsw(
  index: HnswVectorIndex,
  embedder: Embedder,
  questions: readonly string[],
): Promise<HnswMeasurement> {
  const scan = new ExactScan(index.dimensions, index.vectors());
  const queries: number[][] = [];
  for (const q of questions) queries.push(await embedder.embedQuery(q));
  for (const q of queries) {
    index.search(q, K);
    scan.search(q, K);
  }
  const compared = await compareWithExact(queries, scan, (q) => index.search(q, K));
  const sweep = SWEEP_EF.map((ef) => {
    let ms = 0;
    const r: number[] = [];
    queries.forEach((q, i) => {
      const t = performance.now();
      const approx = index.search(q, K, undefined, ef);
      ms += performance.now() - t;
      r.push(
        recallAtK(
          approx.map((h) => h.score),
          compared.exactScores[i],
          K,
          SCORE_EPSILON,
        ),
      );
    });
    return {
      ef,
      recallAt10: Math.round(mean(r) * 10_000) / 10_000,
      meanMs: Math.round((ms / queries.length) * 1000) / 1000,
      speedupVsExact: Math.round((sum(compared.exactTimes) / Math.max(ms, 1e-9)) * 10) / 10,
    };
  });
  const { m, efConstruction, efSearch } = index.params;
  return measurementOf(
    compared,
    { m, efConstruction, efSearch, vectors: index.size, queries: queries.length },
    sweep,
  );
}

/** The report row of an approximate index compared with the exact scan (hnswlib or pgvector). */
export function measurementOf(
  compared: ExactComparison,
  params: Record<string, number>,
  sweep: HnswMeasurement['sweep'] = [],
): HnswMeasurement {
  return {
    recallAt10: compared.recallAt10,
    labelRecallAt10: compared.labelRecallAt10,
    speedupVsExact: compared.speedupVsExact,
    hnswMs: compared.approximateMs,
    exactMs: compared.exactMs,
    params,
    sweep,
  };
}
