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
