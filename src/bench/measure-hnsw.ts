import type { Embedder } from '../index/embedder.js';
import type { HnswVectorIndex } from '../index/hnsw-index.js';
import { ExactScan } from './exact-scan.js';
import { type LatencySummary, summarise } from './percentiles.js';
import { labelRecallAtK, mean, recallAtK } from './recall.js';

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

/** Neighbours compared per query. */
const K = 10;

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
  const hnswMs: number[] = [];
  const exactMs: number[] = [];
  const recalls: number[] = [];
  const labelRecalls: number[] = [];
  for (const q of queries) {
    let t = performance.now();
    const approx = index.search(q, K);
    hnswMs.push(performance.now() - t);
    t = performance.now();
    const exact = scan.search(q, K);
    exactMs.push(performance.now() - t);
    recalls.push(
      recallAtK(
        approx.map((h) => h.score),
        exact.map((h) => h.score),
        K,
        // hnswlib computes in float32; the scan accumulates float32 products in doubles.
        1e-5,
      ),
    );
    labelRecalls.push(
      labelRecallAtK(
        approx.map((h) => h.label),
        exact.map((h) => h.label),
        K,
      ),
    );
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const exactScores = queries.map((q) => scan.search(q, K).map((h) => h.score));
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
          exactScores[i],
          K,
          1e-5,
        ),
      );
    });
    return {
      ef,
      recallAt10: Math.round(mean(r) * 10_000) / 10_000,
      meanMs: Math.round((ms / queries.length) * 1000) / 1000,
      speedupVsExact: Math.round((total(exactMs) / Math.max(ms, 1e-9)) * 10) / 10,
    };
  });
  const { m, efConstruction, efSearch } = index.params;
  return {
    recallAt10: mean(recalls),
    labelRecallAt10: mean(labelRecalls),
    speedupVsExact: total(exactMs) / Math.max(total(hnswMs), 1e-9),
    hnswMs: summarise(hnswMs),
    exactMs: summarise(exactMs),
    params: { m, efConstruction, efSearch, vectors: index.size, queries: queries.length },
    sweep,
  };
}
