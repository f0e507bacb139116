import type { Passage } from '../../domain.js';
import { type PassageFeatures, passageFeatures } from './passage-features.js';
import type { Reranker } from './reranker.js';

/**
 * Weights of the offline reranker's features (see `PassageFeatures`). The fused retrieval score
 * stays the main signal; coverage of the question's topical terms and place agreement move a
 * passage that holds the whole question in the asked place above one that matched a few frequent
 * terms. Chosen by reasoning, then checked on the tune halves (docs/rerank.md has the figures).
 */
export type OfflineRerankWeights = Record<keyof PassageFeatures, number>;

export const DEFAULT_OFFLINE_WEIGHTS: Readonly<OfflineRerankWeights> = Object.freeze({
  fused: 1,
  bm25: 0.2,
  vector: 0.1,
  coverage: 0.6,
  place: 0.3,
  structured: 0.1,
});

/** The weighted sum of a passage's features. Pure. */
export function offlineScore(
  f: PassageFeatures,
  w: Readonly<OfflineRerankWeights> = DEFAULT_OFFLINE_WEIGHTS,
): number {
  return (
    w.fused * f.fused +
    w.bm25 * f.bm25 +
    w.vector * f.vector +
    w.coverage * f.coverage +
    w.place * f.place +
    w.structured * f.structured
  );
}

/**
 * The offline reranker: a feature score per passage, stable sort (ties keep the retrieval order).
 * Passages of the article route (`why.articleMatch`) stay first: the question named them.
 */
export function createOfflineReranker(
  weights: Readonly<OfflineRerankWeights> = DEFAULT_OFFLINE_WEIGHTS,
): Reranker {
  return {
    name: 'offline',
    async rerank(query, passages, context): Promise<Passage[]> {
      const features = passageFeatures(query, passages, context);
      return passages
        .map((p, i) => ({
          p,
          i,
          s: p.why.articleMatch ? Number.POSITIVE_INFINITY : offlineScore(features[i], weights),
        }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .map((x) => x.p);
    },
  };
}
