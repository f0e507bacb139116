import type { MetaFilter, Retrieval } from '../domain.js';

export interface RetrieveOptions {
  /** Passages to return after fusion and merging. */
  k?: number;
  filters?: MetaFilter;
  /** Which candidate lists to use: 'hybrid' (default), 'bm25' or 'vector' (the eval's baselines). */
  mode?: 'hybrid' | 'bm25' | 'vector';
}

/** Hybrid retrieval over a SearchStore: BM25 ∪ vector → fusion → merge → relevance signal. */
export interface Retriever {
  retrieve(query: string, options?: RetrieveOptions): Promise<Retrieval>;
}
