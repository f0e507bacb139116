import type { DocumentMeta, SourceDocument } from '../domain.js';
import type { IndexedChunk } from '../index/search-store.js';
import type { StagedFile } from './upload-staging.js';

/** An upload as the admin route received it. */
export interface UploadInput {
  /** Document id (checked: letters, digits, CJK, . - _ and spaces). */
  id: string;
  /** Lower-case extension with the dot: the loader that reads it (.txt for JSON text). */
  ext: string;
  bytes: Uint8Array;
  /** Where the document came from, as shown to users (the uploaded file's name). */
  sourcePath: string;
  /** Metadata given with a JSON upload; overrides what is extracted from the text. */
  meta?: Partial<DocumentMeta>;
}

/** An upload staged and read, chunked, tokenized and embedded: ready to commit, nothing written yet. */
export interface PreparedUpload {
  staged: StagedFile;
  input: Omit<UploadInput, 'bytes'>;
  doc: SourceDocument;
  chunks: IndexedChunk[];
  /** The tokenizer and embedder ids it was prepared with; a commit on another index prepares again. */
  preparedWith: string;
}

/** What a committed upload did. */
export interface UpsertResult {
  document: DocumentMeta;
  /** An earlier version of this id was replaced. */
  replaced: boolean;
  /**
   * Order of this write among all writes to the index (the generation it committed, local index):
   * of several uploads of one id, the one with the highest revision is the live one.
   */
  revision?: number;
}

/** Adds, replaces and removes documents in a live index (admin uploads). */
export interface Indexer {
  /** Index one file (any supported format). Throws AppError DOCUMENT_UNREADABLE with a reason. */
  upsertFile(path: string, options?: { id?: string; sourcePath?: string }): Promise<DocumentMeta>;
  /** Index a text given as JSON (`id`, `text`, optional metadata). */
  upsertText(id: string, text: string, meta?: Partial<DocumentMeta>): Promise<DocumentMeta>;
  delete(id: string): Promise<boolean>;
  /**
   * First half of an upload, without the write lock: stages the bytes under a unique name and
   * reads, chunks, tokenizes and embeds them (DOCUMENT_UNREADABLE with a reason). Nothing is written
   * to the index or the upload folder.
   */
  prepare(input: UploadInput): Promise<PreparedUpload>;
  /** Second half, with the write lock held: index, persist, then keep the file. */
  commit(prepared: PreparedUpload): Promise<UpsertResult>;
  /** Drops a prepared upload that will not be committed. */
  discard(prepared: PreparedUpload): Promise<void>;
  /** At start, with the write lock held: settles uploads a crash interrupted (see upload-staging.ts). */
  reconcile(): Promise<{ restored: string[]; removed: string[] }>;
}
