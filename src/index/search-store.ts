import type { Chunk, DocumentMeta, MetaFilter, SourceDocument } from '../domain.js';

/** A chunk prepared for storage: its index terms and its vector. */
export interface IndexedChunk {
  chunk: Chunk;
  tokens: string[];
  vector: number[];
}

/** A hit from one retriever, 1-based rank. */
export interface StoreHit {
  chunkId: string;
  score: number;
  rank: number;
  /** Keyword hits: the query terms (alternatives included) the chunk contains. */
  matchedTerms?: string[];
}

/** A stored document as the API shows it. */
export interface StoredDocument {
  meta: DocumentMeta;
  text: string;
  hash: string;
  chunks: Chunk[];
}

/** What the index manifest records; a store refuses to open with a different configuration. */
export interface IndexIdentity {
  schemaVersion: number;
  embedderId: string;
  dimensions: number;
  tokenizerId: string;
}

/**
 * The index/store interface: the local on-disk index implements it (`LocalStore`), and the
 * PostgreSQL + pgvector store is a second implementation. Fusion stays outside, in `retrieve/`,
 * so both stores give the same kind of answer.
 */
export interface SearchStore {
  readonly identity: IndexIdentity;
  /**
   * Capability of a store kept in generations on disk (the local index): the generation it holds,
   * so that a writer can notice a newer one another process committed. Undefined for a database.
   */
  readonly generation?: string;
  /** Content hash of a stored document, for incremental ingest. */
  documentHash(id: string): Promise<string | undefined>;
  /** Insert or replace a document and its chunks, atomically for readers. */
  upsertDocument(doc: SourceDocument, chunks: IndexedChunk[]): Promise<void>;
  deleteDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  listDocuments(filter?: MetaFilter): Promise<DocumentMeta[]>;
  getChunks(ids: string[]): Promise<Chunk[]>;
  /** BM25 over the chunk terms. `terms` groups alternatives (see Tokenizer.tokenizeQuery). */
  keywordSearch(terms: string[][], k: number, filter?: MetaFilter): Promise<StoreHit[]>;
  vectorSearch(vector: number[], k: number, filter?: MetaFilter): Promise<StoreHit[]>;
  /**
   * Inverse document frequency over chunks for each term, BM25 style
   * (`ln(1 + (N - df + 0.5) / (df + 0.5))`); a term no chunk contains gets the maximum, `ln(1 + (N + 0.5) / 0.5)`.
   */
  idf(terms: string[]): Promise<Map<string, number>>;
  stats(): Promise<{ documents: number; chunks: number }>;
  /** Persist pending changes (no-op for a database). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
