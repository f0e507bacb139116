import type { MetricResult } from './metric.js';
import { round } from './summary.js';

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

/** The summary's retrieval block computed from ranks alone (1-based, null when never covered). */
export type RetrievalBlock = Record<'hit@1' | 'hit@3' | 'hit@5' | 'hit@10' | 'mrr@10', number | null>;

/** Averages hit@1/3/5/10 and MRR@10 over the ranks of answerable items; null for none. Pure. */
export function retrievalFromRanks(ranks: (number | null)[]): RetrievalBlock {
  const mean = (score: (rank: number | undefined) => number) =>
    ranks.length === 0
      ? null
      : round(ranks.reduce<number>((a, r) => a + score(r ?? undefined), 0) / ranks.length);
  return {
    'hit@1': mean((r) => hitAtK(r, 1).score),
    'hit@3': mean((r) => hitAtK(r, 3).score),
    'hit@5': mean((r) => hitAtK(r, 5).score),
    'hit@10': mean((r) => hitAtK(r, 10).score),
    'mrr@10': mean((r) => reciprocalRankAtK(r, 10).score),
  };
}
