import type { Chunk, SourceDocument } from '../domain.js';
import type { Embedder } from '../index/embedder.js';
import type { IndexedChunk, SearchStore } from '../index/search-store.js';
import { indexedText } from '../text/indexed-text.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { chunkDocument } from './chunker.js';
import { flagChunks } from './flag-passages.js';
import type { IngestReport } from './ingest-report.js';
import { loadCorpus } from './load-corpus.js';

/** Called as work proceeds; `stage` is one of load, tokenize, embed, index, write. */
export type IngestProgress = (stage: string, done: number, total: number) => void;

export interface IndexingDeps {
  store: SearchStore;
  tokenizer: Tokenizer;
  embedder: Embedder;
  onProgress?: IngestProgress;
}

/**
 * Documents per embedding/indexing batch. Large enough to amortise an HTTP embedder's round trips,
 * small enough to keep progress moving; 64 documents ≈ 600 chunks on the shared corpus.
 */
const BATCH_DOCUMENTS = 64;

/** A document cut into chunks with each chunk's index terms, ready to embed and store. */
export interface PreparedDocument {
  doc: SourceDocument;
  chunks: Chunk[];
  tokens: string[][];
}

/** Chunks and tokenizes documents (the CPU-heavy part of ingest: jieba). */
export function prepareDocuments(
  docs: SourceDocument[],
  tokenizer: Tokenizer,
  onProgress?: IngestProgress,
): PreparedDocument[] {
  return docs.map((doc, i) => {
    const chunks = flagChunks(chunkDocument(doc));
    if (i % 64 === 0) onProgress?.('tokenize', i, docs.length);
    return { doc, chunks, tokens: chunks.map((c) => tokenizer.tokenize(indexedText(c))) };
  });
}

/** Vectors for prepared chunks; an embedder that can (the hashing one) reuses the index terms. */
async function embedPrepared(prepared: PreparedDocument[], embedder: Embedder): Promise<number[][]> {
  const embedTokens = embedder.embedTokens?.bind(embedder);
  if (embedTokens) {
    return prepared.flatMap((p) => p.chunks.map((c, j) => embedTokens(p.tokens[j], indexedText(c))));
  }
  const texts = prepared.flatMap((p) => p.chunks.map(indexedText));
  return texts.length > 0 ? embedder.embedDocuments(texts) : [];
}

/** One document chunked, tokenized and embedded: what `SearchStore.upsertDocument` takes. */
export async function indexedChunksOf(
  doc: SourceDocument,
  tokenizer: Tokenizer,
  embedder: Embedder,
): Promise<IndexedChunk[]> {
  const prepared = prepareDocuments([doc], tokenizer);
  const vectors = await embedPrepared(prepared, embedder);
  return prepared[0].chunks.map((chunk, j) => ({ chunk, tokens: prepared[0].tokens[j], vector: vectors[j] }));
}

/**
 * Chunks, tokenizes, embeds and stores documents in batches, adding seconds per stage to `stages`.
 * Each document replaces any earlier version atomically (SearchStore.upsertDocument). Documents
 * already prepared (see `prepareDocuments`) are not cut again.
 */
export async function indexDocuments(
  docs: SourceDocument[],
  { store, tokenizer, embedder, onProgress }: IndexingDeps,
  stages: Record<string, number>,
  prepared: Map<string, PreparedDocument> = new Map(),
): Promise<number> {
  let chunkCount = 0;
  // A store that times its own inserts (the local index) lets `index` split into hnsw and bm25.
  const before = store.insertTimings?.();
  const add = (stage: string, since: number) => {
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - since) / 1000;
  };
  for (let i = 0; i < docs.length; i += BATCH_DOCUMENTS) {
    const batch = docs.slice(i, i + BATCH_DOCUMENTS);
    let t = performance.now();
    const ready = batch.map((doc) => prepared.get(doc.id) ?? prepareDocuments([doc], tokenizer)[0]);
    add('tokenize', t);
    t = performance.now();
    const vectors = await embedPrepared(ready, embedder);
    add('embed', t);
    t = performance.now();
    let v = 0;
    for (const { doc, chunks, tokens } of ready) {
      const indexed: IndexedChunk[] = chunks.map((chunk, j) => ({
        chunk,
        tokens: tokens[j],
        vector: vectors[v + j],
      }));
      v += chunks.length;
      await store.upsertDocument(doc, indexed);
      chunkCount += chunks.length;
    }
    add('index', t);
    onProgress?.('index', Math.min(i + BATCH_DOCUMENTS, docs.length), docs.length);
    // Let the event loop breathe between batches: a service building its first index keeps
    // answering /healthz and /readyz (503) instead of stalling for the whole build.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const after = store.insertTimings?.();
  if (after && before) {
    const hnsw = after.hnsw - before.hnsw;
    const bm25 = after.bm25 - before.bm25;
    stages.hnsw = (stages.hnsw ?? 0) + hnsw;
    stages.bm25 = (stages.bm25 ?? 0) + bm25;
    // What is left of `index`: chunk records, document bookkeeping.
    stages.index = Math.max(0, (stages.index ?? 0) - hnsw - bm25);
  }
  return chunkCount;
}

export interface IngestOptions extends IndexingDeps {
  dirs: string[];
  only?: Set<string>;
  /** Delete stored documents that are no longer in the corpus (default true). */
  removeMissing?: boolean;
  /** Documents already loaded (e.g. to mine dictionary terms first); skips the load stage. */
  loaded?: { documents: SourceDocument[]; skipped: IngestReport['skipped']; seconds: number };
  /** `compareWithStore` of `loaded` against this store, when the caller already made it. */
  changes?: CorpusChanges;
  /** Documents already chunked and tokenized (e.g. to fit the embedder's IDF), by id. */
  prepared?: Map<string, PreparedDocument>;
}

/** How a corpus differs from what a store holds, by content hash. */
export interface CorpusChanges {
  /** New or changed documents, to index. */
  changed: SourceDocument[];
  added: number;
  replaced: number;
  unchanged: number;
  /** Stored documents the corpus no longer has. */
  removed: number;
  /** Documents the store holds now. */
  stored: number;
}

/** Compares a loaded corpus with the store by content hash (nothing is changed). */
export async function compareWithStore(
  store: IndexingDeps['store'],
  documents: SourceDocument[],
): Promise<CorpusChanges> {
  const changes: CorpusChanges = { changed: [], added: 0, replaced: 0, unchanged: 0, removed: 0, stored: 0 };
  for (const doc of documents) {
    const hash = await store.documentHash(doc.id);
    if (hash === doc.hash) changes.unchanged += 1;
    else {
      if (hash === undefined) changes.added += 1;
      else changes.replaced += 1;
      changes.changed.push(doc);
    }
  }
  const ids = new Set(documents.map((d) => d.id));
  const stored = await store.listDocuments();
  changes.stored = stored.length;
  changes.removed = stored.filter((meta) => !ids.has(meta.id)).length;
  return changes;
}

/**
 * Brings the store up to date with the corpus folders: new documents added, changed ones
 * (content hash) replaced, removed ones deleted, unchanged ones skipped; then persists. Files that
 * cannot be read are reported with their reason and skipped; the rest are indexed.
 */
export async function ingestCorpus(options: IngestOptions): Promise<IngestReport> {
  const { dirs, only, store, removeMissing = true, onProgress } = options;
  const stages: Record<string, number> = {};
  let t = performance.now();
  let loaded = options.loaded;
  if (!loaded) {
    const corpus = await loadCorpus(dirs, {
      only,
      onProgress: (done, total) => onProgress?.('load', done, total),
    });
    loaded = { ...corpus, seconds: (performance.now() - t) / 1000 };
  }
  stages.load = loaded.seconds;

  const { changed, added, replaced, unchanged } =
    options.changes ?? (await compareWithStore(store, loaded.documents));
  await indexDocuments(changed, options, stages, options.prepared);

  let removed = 0;
  if (removeMissing) {
    const keep = new Set(loaded.documents.map((d) => d.id));
    for (const meta of await store.listDocuments()) {
      if (!keep.has(meta.id) && (await store.deleteDocument(meta.id))) removed += 1;
    }
  }
  // A store building its vector graph on a worker thread (the local index) finishes it here; the
  // wait is what the graph cost beyond the stages it ran beside.
  if (store.backgroundVectors) {
    t = performance.now();
    const built = await store.backgroundVectors.finish();
    if (built > 0) {
      stages.hnsw = (stages.hnsw ?? 0) + built;
      stages.hnswWait = (performance.now() - t) / 1000;
    }
  }
  t = performance.now();
  await store.flush();
  stages.write = (performance.now() - t) / 1000;
  const stats = await store.stats();
  return {
    documents: stats.documents,
    chunks: stats.chunks,
    added,
    replaced,
    unchanged,
    removed,
    skipped: loaded.skipped,
    stages,
  };
}
