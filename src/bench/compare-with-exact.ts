import type { ExactScan } from './exact-scan.js';
import { type LatencySummary, summarise } from './percentiles.js';
import { labelRecallAtK, mean, recallAtK } from './recall.js';

/** Neighbours compared per query. */
export const K = 10;

/**
 * Score tolerance when a neighbour counts as found: hnswlib and pgvector compute in float32, the
 * scan accumulates float32 products in doubles.
 */
export const SCORE_EPSILON = 1e-5;

/** One approximate neighbour: its similarity and its label in the exact scan (-1 when unknown). */
export interface ApproximateHit {
  score: number;
  label: number;
}

export interface ExactComparison {
  recallAt10: number;
  /** Recall by labels (ties with the 10th exact neighbour count as misses). */
  labelRecallAt10: number;
  speedupVsExact: number;
  approximateMs: LatencySummary;
  exactMs: LatencySummary;
  /** Per-query exact times and scores, for further comparisons against the same scan. */
  exactTimes: number[];
  exactScores: number[][];
}

/**
 * An approximate nearest-neighbour search against an exact scan over the same vectors, query by
 * query, each timed in this run: recall@10 (by score and by label) and total exact time ÷ total
 * approximate time.
 */
export async function compareWithExact(
  queries: readonly number[][],
  scan: ExactScan,
  search: (query: number[]) => ApproximateHit[] | Promise<ApproximateHit[]>,
): Promise<ExactComparison> {
  const approximateTimes: number[] = [];
  const exactTimes: number[] = [];
  const exactScores: number[][] = [];
  const recalls: number[] = [];
  const labelRecalls: number[] = [];
  for (const q of queries) {
    let t = performance.now();
    const approx = await search(q);
    approximateTimes.push(performance.now() - t);
    t = performance.now();
    const exact = scan.search(q, K);
    exactTimes.push(performance.now() - t);
    exactScores.push(exact.map((h) => h.score));
    recalls.push(
      recallAtK(
        approx.map((h) => h.score),
        exact.map((h) => h.score),
        K,
        SCORE_EPSILON,
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
  return {
    recallAt10: mean(recalls),
    labelRecallAt10: mean(labelRecalls),
    speedupVsExact: sum(exactTimes) / Math.max(sum(approximateTimes), 1e-9),
    approximateMs: summarise(approximateTimes),
    exactMs: summarise(exactTimes),
    exactTimes,
    exactScores,
  };
}

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
