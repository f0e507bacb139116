import type { DocumentMeta } from '../domain.js';

/** Adds, replaces and removes documents in a live index (admin uploads, incremental ingest). */
export interface Indexer {
  /** Index one file (any supported format). Throws AppError DOCUMENT_UNREADABLE with a reason. */
  upsertFile(path: string, options?: { id?: string; sourcePath?: string }): Promise<DocumentMeta>;
  /** Index a text given as JSON (`id`, `text`, optional metadata). */
  upsertText(id: string, text: string, meta?: Partial<DocumentMeta>): Promise<DocumentMeta>;
  delete(id: string): Promise<boolean>;
}
