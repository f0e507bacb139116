import type { Passage } from '../../domain.js';

/** What the retriever already knows about the question, for rerankers that score terms. */
export interface RerankContext {
  /** Topical query term groups after lexicon expansion (as `topicalGroups` gives them). */
  groups: readonly string[][];
  /** Corpus IDF of every term in `groups` (the store's `idf`). */
  idf: ReadonlyMap<string, number>;
}

/**
 * A second-stage ranker over the retriever's candidates. It reorders, never drops or invents
 * passages: the result holds the same passage objects, best first. Implementations: the offline
 * feature scorer (`offline-reranker.ts`) and an HTTP `/v1/rerank` model (`http-reranker.ts`).
 */
export interface Reranker {
  /** Short name for logs and the eval report, e.g. 'offline' or 'http:bge-reranker-v2-m3'. */
  readonly name: string;
  rerank(query: string, passages: readonly Passage[], context: RerankContext): Promise<Passage[]>;
}
