import type { Bm25Index } from './bm25.js';
import { encodeBm25Steps } from './bm25-codec.js';
import { FILES, type GenerationSnapshot } from './generation-io.js';
import type { BuildOptions } from './index-manifest.js';
import type { IndexIdentity } from './search-store.js';
import {
  type ChunkRecord,
  type DocRecord,
  encodeChunksSteps,
  encodeDocumentsSteps,
} from './store-records.js';

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
 * Serialises a local store's documents, chunks, BM25 postings and extras for a new generation, as
 * steps (see cooperative.ts): run at once, or sliced by a store that holds its writes until the
 * snapshot is done, so the snapshot is consistent either way (the vector graph is saved by the
 * caller).
 */
export function* snapshotSteps(state: LocalStoreState): Generator<void, GenerationSnapshot> {
  const { docs, chunks, extra } = state;
  const manifest: GenerationSnapshot['manifest'] = {
    ...state.identity,
    buildOptions: state.buildOptions,
    createdAt: new Date().toISOString(),
    counts: { documents: docs.size, chunks: chunks.size, nextOrdinal: state.nextOrdinal },
    extra: Object.keys(extra),
  };
  const documents = yield* encodeDocumentsSteps(docs.values());
  const chunkRows = yield* encodeChunksSteps(chunks.entries());
  const bm25 = yield* encodeBm25Steps(state.bm25.state());
  return {
    manifest,
    files: [
      { name: FILES.documents, data: documents },
      { name: FILES.chunks, data: chunkRows },
      { name: FILES.bm25, data: bm25 },
      { name: FILES.extra, data: JSON.stringify(extra) },
    ],
  };
}
