import type { Embedder } from '../index/embedder.js';
import type { IdfTable } from '../index/idf-table.js';
import type { SearchStore } from '../index/search-store.js';
import type { Tokenizer } from '../text/tokenizer.js';

/**
 * An opened or freshly built index with the tokenizer and embedder it was built with, and what an
 * upload worker needs to make its own copies of them.
 */
export interface IndexParts {
  /** Jieba with the dictionary terms the index was built with. */
  tokenizer: Tokenizer;
  embedder: Embedder;
  store: SearchStore;
  /** Dictionary terms mined from the corpus when the index was built (kept in the index). */
  minedTerms: string[];
  /** The embedder's idf table, when it fitted one (kept in the index). */
  idf?: IdfTable;
}

/** Keys of what the index keeps besides documents and chunks. */
export const EXTRA_MINED_TERMS = 'minedTerms';
export const EXTRA_EMBEDDER_IDF = 'embedderIdf';
