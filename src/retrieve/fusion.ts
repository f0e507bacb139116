import type { StoreHit } from '../index/search-store.js';

/** One candidate after fusion: its fused score and its rank in each input list. */
export interface FusedHit {
  chunkId: string;
  score: number;
  bm25Rank?: number;
  vectorRank?: number;
}

export interface FusionParams {
  /**
   * RRF constant k in `w / (k + rank)`. Range 1..100, default 60 (Cormack et al., SIGIR 2009).
   * Smaller values favour the very top of each list.
   */
  rrfK?: number;
  /**
   * Weight of the BM25 list, 0..∞, default 1. The local hashing embedder is a bag of words and
   * bigrams, weaker than BM25 over jieba words on exact policy wording; the weights are set by the
   * eval (`npm run eval -- --pipeline hybrid --pipeline bm25 --pipeline vector`), see README.
   */
  bm25Weight?: number;
  /** Weight of the vector list, 0..∞, default 1. */
  vectorWeight?: number;
}

/** Reciprocal rank fusion of a BM25 list and a vector list (ranks are 1-based). Pure. */
export function reciprocalRankFusion(
  bm25: StoreHit[],
  vector: StoreHit[],
  { rrfK = 60, bm25Weight = 1, vectorWeight = 1 }: FusionParams = {},
): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  const take = (hits: StoreHit[], weight: number, key: 'bm25Rank' | 'vectorRank') => {
    for (const hit of hits) {
      const entry = byId.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0 };
      entry.score += weight / (rrfK + hit.rank);
      entry[key] = hit.rank;
      byId.set(hit.chunkId, entry);
    }
  };
  take(bm25, bm25Weight, 'bm25Rank');
  take(vector, vectorWeight, 'vectorRank');
  return [...byId.values()].sort((a, b) => b.score - a.score || a.chunkId.localeCompare(b.chunkId));
}

/**
 * Convex combination of per-query normalised scores (Bruch, Gai & Ingber, "An Analysis of Fusion
 * Functions for Hybrid Retrieval", TOIS 2023): BM25 scores divided by the best BM25 score, vector
 * similarities min-max scaled within their list; `fused = bm25Weight·bm25 + vectorWeight·vector`.
 * Unlike RRF it keeps the size of BM25's score gaps, so a weak vector list cannot overturn a clear
 * keyword winner, yet it still lifts a passage both lists agree on. Pure.
 */
export function convexFusion(
  bm25: StoreHit[],
  vector: StoreHit[],
  { bm25Weight = 1, vectorWeight = 1 }: FusionParams = {},
): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  const bestBm25 = Math.max(...bm25.map((h) => h.score), 0);
  for (const hit of bm25) {
    byId.set(hit.chunkId, {
      chunkId: hit.chunkId,
      score: bestBm25 > 0 ? (bm25Weight * hit.score) / bestBm25 : 0,
      bm25Rank: hit.rank,
    });
  }
  const scores = vector.map((h) => h.score);
  const top = Math.max(...scores);
  const bottom = Math.min(...scores);
  const range = top - bottom;
  for (const hit of vector) {
    const entry = byId.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0 };
    entry.score += vectorWeight * (range > 0 ? (hit.score - bottom) / range : 1);
    entry.vectorRank = hit.rank;
    byId.set(hit.chunkId, entry);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.chunkId.localeCompare(b.chunkId));
}
