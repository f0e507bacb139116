import type { SkippedFile } from '../domain.js';

/** What one ingest run did: the counts a summary prints and the seconds per stage. */
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
