import type { AnswerProvider } from '../answer/answer-provider.js';
import type { Config } from '../config.js';
import type { DocumentMeta, SkippedFile } from '../domain.js';
import type { Embedder } from '../index/embedder.js';
import type { SearchStore } from '../index/search-store.js';
import type { Retriever } from '../retrieve/retriever.js';
import type { Tokenizer } from '../text/tokenizer.js';

/** Adds, replaces and removes documents in a live index (admin uploads, incremental ingest). */
export interface Indexer {
  /** Index one file (any supported format). Throws AppError DOCUMENT_UNREADABLE with a reason. */
  upsertFile(path: string, options?: { id?: string; sourcePath?: string }): Promise<DocumentMeta>;
  /** Index a text given as JSON (`id`, `text`, optional metadata). */
  upsertText(id: string, text: string, meta?: Partial<DocumentMeta>): Promise<DocumentMeta>;
  delete(id: string): Promise<boolean>;
}

export interface IngestReport {
  documents: number;
  chunks: number;
  added: number;
  replaced: number;
  unchanged: number;
  removed: number;
  skipped: SkippedFile[];
  /** Seconds per stage: load, tokenize, embed, hnsw, bm25, write. */
  stages: Record<string, number>;
  /** The index was rebuilt from scratch because most of it changed (the counts say what changed). */
  rebuilt?: boolean;
}

/**
 * Everything the service, the CLI and the eval need, built once by the composition root
 * (`buildAssistant` in build-assistant.ts) from the validated config.
 */
export interface Assistant {
  config: Config;
  tokenizer: Tokenizer;
  embedder: Embedder;
  store: SearchStore;
  retriever: Retriever;
  /** The offline answerer; also the fallback when a chat provider fails. */
  extractive: AnswerProvider;
  indexer: Indexer;
  close(): Promise<void>;
}
