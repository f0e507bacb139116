import type { MetricResult } from './metric.js';

/**
 * Retrieval metrics of one item from the rank of the first passage that covers its evidence
 * (see coverage.ts); `rank` is 1-based, undefined when no retrieved passage covers it.
 */

/** hit@k: 1 when some passage in the top k covers the evidence. */
export function hitAtK(rank: number | undefined, k: number): MetricResult {
  if (rank !== undefined && rank <= k) {
    return { pass: true, score: 1, reason: `evidence covered at rank ${rank} (≤ ${k})` };
  }
  const where =
    rank === undefined ? 'no retrieved passage covers the evidence' : `first cover at rank ${rank}`;
  return { pass: false, score: 0, reason: `evidence not in top ${k}: ${where}` };
}

/** Reciprocal rank cut at k (MRR@k when averaged): 1/rank, or 0 past k. */
export function reciprocalRankAtK(rank: number | undefined, k: number): MetricResult {
  if (rank !== undefined && rank <= k) {
    return { pass: true, score: 1 / rank, reason: `first cover at rank ${rank}` };
  }
  const where = rank === undefined ? 'never covered' : `first cover at rank ${rank}`;
  return { pass: false, score: 0, reason: `no cover in top ${k} (${where})` };
}
