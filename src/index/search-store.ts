import type { Chunk, DocumentMeta, MetaFilter, SourceDocument } from '../domain.js';
import type { HnswVectorIndex } from './hnsw-index.js';

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
 * Capability of a store that can build its vector graph on a worker thread during a bulk load into
 * an empty store (the local index): the ingest embeds and fills BM25 on the main thread meanwhile.
 */
export interface BackgroundVectorBuild {
  /**
   * Vectors go to a graph built on a worker thread from here on; vector search waits until
   * `finish` (or `flush`). False, and nothing changed, unless the store is empty.
   */
  start(): boolean;
  /** Waits for the worker's graph and takes it in; the seconds the worker spent (0 when none ran). */
  finish(): Promise<number>;
}

/** Seconds a store has spent adding to each of its indexes since it was opened. */
export interface InsertTimings {
  bm25: number;
  hnsw: number;
}

/** One stored chunk vector, as `npm run bench` reads them back for its exact scan. */
export interface StoredVector {
  chunkId: string;
  vector: number[];
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

  // Optional capabilities: a caller checks for one and uses it, never the store's class.
  /** The local index: builds its vector graph on a worker thread during a first build. */
  readonly backgroundVectors?: BackgroundVectorBuild;
  /** The local index: how long inserts took, so an ingest reports hnsw and bm25 apart. */
  insertTimings?(): InsertTimings;
  /** The local index: its in-process HNSW graph, measured directly (recall, `ef` sweep). */
  vectorGraph?(): HnswVectorIndex;
  /** PostgreSQL: every stored vector, for the bench's exact scan beside `vectorSearch`. */
  storedVectors?(): Promise<StoredVector[]>;
  /** PostgreSQL: the bytes the store occupies (the database's size). */
  bytesOnDisk?(): Promise<number>;
}
