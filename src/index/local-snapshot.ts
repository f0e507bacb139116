import type { Bm25Index } from './bm25.js';
import { encodeBm25 } from './bm25-codec.js';
import { FILES, type GenerationSnapshot } from './generation-io.js';
import type { BuildOptions } from './index-manifest.js';
import type { IndexIdentity } from './search-store.js';
import { type ChunkRecord, type DocRecord, encodeChunks, encodeDocuments } from './store-records.js';

/** What a local store holds in memory, as a flush writes it. */
export interface LocalStoreState {
  identity: IndexIdentity;
  buildOptions: BuildOptions;
  docs: ReadonlyMap<string, DocRecord>;
  chunks: ReadonlyMap<number, ChunkRecord>;
  bm25: Bm25Index;
  extra: Record<string, unknown>;
  nextOrdinal: number;
}

/**
 * Serialises a local store's documents, chunks, BM25 postings and extras for a new generation,
 * synchronously, so the snapshot is consistent (the vector graph is saved by the caller).
 */
export function snapshotOf(state: LocalStoreState): GenerationSnapshot {
  const { docs, chunks, extra } = state;
  return {
    manifest: {
      ...state.identity,
      buildOptions: state.buildOptions,
      createdAt: new Date().toISOString(),
      counts: { documents: docs.size, chunks: chunks.size, nextOrdinal: state.nextOrdinal },
      extra: Object.keys(extra),
    },
    files: [
      { name: FILES.documents, data: encodeDocuments(docs.values()) },
      { name: FILES.chunks, data: encodeChunks(chunks.entries()) },
      { name: FILES.bm25, data: encodeBm25(state.bm25.state()) },
      { name: FILES.extra, data: JSON.stringify(extra) },
    ],
  };
}
