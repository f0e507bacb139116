import type { Chunk, DocumentMeta, MetaFilter, SourceDocument } from '../domain.js';
import { AppError } from '../errors.js';
import type { Bm25Index } from './bm25.js';
import { encodeBm25 } from './bm25-codec.js';
import { FILES, type GenerationSnapshot, persistGeneration } from './generation-io.js';
import type { HnswVectorIndex } from './hnsw-index.js';
import { HnswWorkerBuilder } from './hnsw-worker-builder.js';
import { createNextGeneration } from './index-files.js';
import type { BuildOptions } from './index-manifest.js';
import { isEmptyFilter, matchesFilter } from './meta-filter.js';
import type { IndexedChunk, IndexIdentity, SearchStore, StoredDocument, StoreHit } from './search-store.js';
import {
  type ChunkRecord,
  type DocRecord,
  encodeChunks,
  encodeDocuments,
  toChunk,
  toChunkRecord,
} from './store-records.js';

/**
 * Below this many candidate chunks a filtered vector search is exact (cosine over the stored
 * vectors) instead of a filtered graph walk, which degrades when the filter keeps few points.
 * 2,000 × 256 dims costs ~1–2 ms here.
 */
const EXACT_SEARCH_LIMIT = 2000;
/**
 * Chunks inserted between two yields to the event loop when one document has more. An HNSW insert
 * costs ~1 ms here, so a slice holds the loop ~50 ms; an 8 MB upload (~7,000 chunks) used to hold
 * it for its whole insert in one go (27 s with tokenizing, issue 14).
 */
const INSERT_SLICE = 50;

/**
 * The local on-disk index: documents, chunks, BM25 and HNSW held in memory, persisted by `flush`
 * as a new crash-safe generation (see index-files.ts). Mutations are synchronous once their input
 * is validated, so a server reading the store in the same process sees each document either
 * entirely old or entirely new.
 */
export class LocalStore implements SearchStore {
  readonly identity: IndexIdentity;
  readonly dir: string;
  readonly buildOptions: BuildOptions;
  private readonly docs = new Map<string, DocRecord>();
  private readonly chunks = new Map<number, ChunkRecord>();
  private readonly ordinalById = new Map<string, number>();
  /** Ordinals of a large document still being inserted: in the graph and BM25, hidden from readers. */
  private readonly pending = new Set<number>();
  private readonly bm25: Bm25Index;
  private hnsw: HnswVectorIndex;
  /** While set, vectors go to a graph being built on a worker thread (see `startVectorWorker`). */
  private vectorWorker: HnswWorkerBuilder | undefined;
  /** Seconds spent adding to each index since the store was opened (ingest stage timings). */
  readonly insertSeconds = { bm25: 0, hnsw: 0 };
  private extra: Record<string, unknown>;
  private nextOrdinal: number;
  private dirty: boolean;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private currentGeneration: string | undefined;

  /** Use `openLocalStore`. */
  constructor(parts: {
    dir: string;
    identity: IndexIdentity;
    buildOptions: BuildOptions;
    bm25: Bm25Index;
    hnsw: HnswVectorIndex;
    documents?: DocRecord[];
    chunks?: [number, ChunkRecord][];
    extra?: Record<string, unknown>;
    nextOrdinal?: number;
    dirty: boolean;
    /** The generation loaded (undefined for a new store). */
    generation?: string;
  }) {
    this.currentGeneration = parts.generation;
    this.dir = parts.dir;
    this.identity = parts.identity;
    this.buildOptions = parts.buildOptions;
    this.bm25 = parts.bm25;
    this.hnsw = parts.hnsw;
    this.extra = parts.extra ?? {};
    this.nextOrdinal = parts.nextOrdinal ?? 0;
    this.dirty = parts.dirty;
    for (const d of parts.documents ?? []) this.docs.set(d.meta.id, d);
    for (const [ord, c] of parts.chunks ?? []) {
      this.chunks.set(ord, c);
      this.ordinalById.set(c.id, ord);
    }
  }

  /**
   * The generation on disk this store holds: the one it loaded or last wrote (undefined before the
   * first flush of a new store). Another process that commits a newer one makes CURRENT differ.
   */
  get generation(): string | undefined {
    return this.currentGeneration;
  }

  async documentHash(id: string): Promise<string | undefined> {
    return this.docs.get(id)?.hash;
  }

  async upsertDocument(doc: SourceDocument, chunks: IndexedChunk[]): Promise<void> {
    this.assertOpen();
    for (const c of chunks) {
      if (c.vector.length !== this.identity.dimensions) {
        throw new AppError(
          'INDEX_MISMATCH',
          `chunk ${c.chunk.id}: 向量为 ${c.vector.length} 维, 索引为 ${this.identity.dimensions} 维 (vector size differs from the index)`,
        );
      }
      if (c.chunk.docId !== doc.id)
        throw new Error(`chunk ${c.chunk.id} belongs to ${c.chunk.docId}, not ${doc.id}`);
    }
    const ordinals: number[] = [];
    if (chunks.length > INSERT_SLICE) {
      // A large document goes into the graph and BM25 in slices, yielding between them, under new
      // ordinals readers skip until the switch below: the event loop keeps answering.
      await this.insertInSlices(chunks, ordinals);
    }
    // From here on synchronous: readers never see half a document.
    this.removeChunks(doc.id);
    if (ordinals.length === 0) {
      for (const { tokens, vector } of chunks) ordinals.push(this.insert(tokens, vector));
    }
    chunks.forEach(({ chunk }, i) => {
      this.chunks.set(ordinals[i], toChunkRecord(chunk, doc.text));
      this.ordinalById.set(chunk.id, ordinals[i]);
      this.pending.delete(ordinals[i]);
    });
    this.docs.set(doc.id, { meta: doc.meta, text: doc.text, hash: doc.hash, ordinals });
    this.dirty = true;
  }

  /** Adds one chunk's terms and vector under a new ordinal (timed for the ingest report). */
  private insert(tokens: string[], vector: number[]): number {
    const ord = this.nextOrdinal++;
    const t0 = performance.now();
    this.bm25.add(ord, tokens);
    const t1 = performance.now();
    if (this.vectorWorker) this.vectorWorker.add(ord, vector);
    else this.hnsw.add(ord, vector);
    this.insertSeconds.bm25 += (t1 - t0) / 1000;
    this.insertSeconds.hnsw += (performance.now() - t1) / 1000;
    return ord;
  }

  private async insertInSlices(chunks: IndexedChunk[], ordinals: number[]): Promise<void> {
    try {
      for (let i = 0; i < chunks.length; i += INSERT_SLICE) {
        for (const { tokens, vector } of chunks.slice(i, i + INSERT_SLICE)) {
          const ord = this.insert(tokens, vector);
          this.pending.add(ord);
          ordinals.push(ord);
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.assertOpen();
      }
    } catch (err) {
      for (const ord of ordinals) {
        this.pending.delete(ord);
        this.bm25.remove(ord);
        if (this.vectorWorker) this.vectorWorker.remove(ord);
        else this.hnsw.remove(ord);
      }
      throw err;
    }
  }

  async deleteDocument(id: string): Promise<boolean> {
    this.assertOpen();
    if (!this.docs.has(id)) return false;
    this.removeChunks(id);
    this.docs.delete(id);
    this.dirty = true;
    return true;
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const d = this.docs.get(id);
    if (!d) return undefined;
    return { meta: d.meta, text: d.text, hash: d.hash, chunks: this.chunksOf(d) };
  }

  async listDocuments(filter?: MetaFilter): Promise<DocumentMeta[]> {
    const out: DocumentMeta[] = [];
    for (const d of this.docs.values()) if (matchesFilter(d.meta, filter)) out.push(d.meta);
    return out;
  }

  async getChunks(ids: string[]): Promise<Chunk[]> {
    const out: Chunk[] = [];
    for (const id of ids) {
      const ord = this.ordinalById.get(id);
      const record = ord === undefined ? undefined : this.chunks.get(ord);
      const doc = record && this.docs.get(record.docId);
      if (record && doc) out.push(toChunk(record, doc.text));
    }
    return out;
  }

  async keywordSearch(terms: string[][], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    const allowed = this.allowedOrdinals(filter);
    const pending = this.pending;
    const keep = allowed
      ? (ord: number) => allowed.has(ord)
      : pending.size > 0
        ? (ord: number) => !pending.has(ord)
        : undefined;
    return this.bm25.search(terms, k, keep).map((h, i) => ({
      chunkId: this.chunkId(h.ordinal),
      score: h.score,
      rank: i + 1,
      matchedTerms: h.matchedTerms,
    }));
  }

  async vectorSearch(vector: number[], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    this.assertVectorsReady();
    const allowed = this.allowedOrdinals(filter);
    const pending = this.pending;
    const hits = !allowed
      ? pending.size > 0
        ? this.hnsw.search(vector, k, (label) => !pending.has(label))
        : this.hnsw.search(vector, k)
      : allowed.size <= EXACT_SEARCH_LIMIT
        ? this.hnsw.exactSearch(vector, k, allowed)
        : this.hnsw.search(vector, k, (label) => allowed.has(label));
    return hits.map((h, i) => ({ chunkId: this.chunkId(h.label), score: h.score, rank: i + 1 }));
  }

  async idf(terms: string[]): Promise<Map<string, number>> {
    return new Map(terms.map((t) => [t, this.bm25.idf(t)]));
  }

  async stats(): Promise<{ documents: number; chunks: number }> {
    return { documents: this.docs.size, chunks: this.chunks.size };
  }

  /** The vector graph itself, for measurements (`npm run bench`: recall against an exact scan). */
  get vectorIndex(): HnswVectorIndex {
    this.assertVectorsReady();
    return this.hnsw;
  }

  /** A value the caller stored with `setExtra` (persisted in the generation's extra.json). */
  getExtra<T = unknown>(key: string): T | undefined {
    return this.extra[key] as T | undefined;
  }

  /** Stores a JSON-serialisable value with the index, e.g. the embedder's idf table or mined terms. */
  setExtra(key: string, value: unknown): void {
    this.assertOpen();
    this.extra = { ...this.extra, [key]: value };
    this.dirty = true;
  }

  /**
   * Builds the vector graph of an empty store on a worker thread from here on, so that a bulk
   * ingest inserts into HNSW while the main thread embeds and fills BM25. Vector search is
   * unavailable until `finishVectorWorker` (or `flush`). The graph is the same as a main-thread
   * build: same class, same order, same seed. Returns false (and changes nothing) unless the store
   * is empty.
   */
  startVectorWorker(): boolean {
    this.assertOpen();
    if (this.vectorWorker || this.chunks.size > 0 || this.nextOrdinal > 0) return false;
    this.vectorWorker = new HnswWorkerBuilder(this.identity.dimensions, this.hnsw.params);
    return true;
  }

  /** Waits for the worker's graph and takes it in; the seconds the worker spent (0 without one). */
  async finishVectorWorker(): Promise<number> {
    const builder = this.vectorWorker;
    if (!builder) return 0;
    const file = `${this.dir}/.hnsw-build-${process.pid}-${Date.now()}.tmp`;
    try {
      const { index, seconds } = await builder.finish(file, this.chunks.keys());
      this.hnsw = index;
      return seconds;
    } finally {
      this.vectorWorker = undefined;
    }
  }

  /** Persists pending changes as a new generation; concurrent calls run one after another. */
  async flush(): Promise<void> {
    if (this.vectorWorker) await this.finishVectorWorker();
    const run = this.flushing.then(() => this.flushNow());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** Stops further changes. Does not flush: call `flush` first to keep pending changes. */
  async close(): Promise<void> {
    await this.flushing;
    await this.vectorWorker?.abandon();
    this.vectorWorker = undefined;
    this.closed = true;
  }

  private async flushNow(): Promise<void> {
    if (!this.dirty) return;
    const gen = await createNextGeneration(this.dir);
    // One synchronous step from here to `dirty = false`: the snapshot is consistent.
    this.hnsw.save(`${gen.path}/${FILES.vectors}`);
    const snapshot: GenerationSnapshot = {
      manifest: {
        ...this.identity,
        buildOptions: this.buildOptions,
        createdAt: new Date().toISOString(),
        counts: { documents: this.docs.size, chunks: this.chunks.size, nextOrdinal: this.nextOrdinal },
        extra: Object.keys(this.extra),
      },
      files: [
        { name: FILES.documents, data: encodeDocuments(this.docs.values()) },
        { name: FILES.chunks, data: encodeChunks(this.chunks.entries()) },
        { name: FILES.bm25, data: encodeBm25(this.bm25.state()) },
        { name: FILES.extra, data: JSON.stringify(this.extra) },
      ],
    };
    this.dirty = false;
    try {
      await persistGeneration(this.dir, gen, snapshot);
      this.currentGeneration = gen.name;
    } catch (err) {
      this.dirty = true;
      throw err;
    }
  }

  private removeChunks(docId: string): void {
    const d = this.docs.get(docId);
    if (!d) return;
    for (const ord of d.ordinals) {
      const record = this.chunks.get(ord);
      if (record) this.ordinalById.delete(record.id);
      this.chunks.delete(ord);
      this.bm25.remove(ord);
      if (this.vectorWorker) this.vectorWorker.remove(ord);
      else this.hnsw.remove(ord);
    }
  }

  private chunksOf(d: DocRecord): Chunk[] {
    const out: Chunk[] = [];
    for (const ord of d.ordinals) {
      const record = this.chunks.get(ord);
      if (record) out.push(toChunk(record, d.text));
    }
    return out;
  }

  private chunkId(ordinal: number): string {
    return this.chunks.get(ordinal)?.id ?? '';
  }

  /** Ordinals of the chunks of the documents passing `filter`; undefined when nothing is filtered. */
  private allowedOrdinals(filter?: MetaFilter): Set<number> | undefined {
    if (isEmptyFilter(filter)) return undefined;
    const allowed = new Set<number>();
    for (const d of this.docs.values()) {
      if (matchesFilter(d.meta, filter)) for (const ord of d.ordinals) allowed.add(ord);
    }
    return allowed;
  }

  private assertVectorsReady(): void {
    if (this.vectorWorker) {
      throw new AppError('INDEX_NOT_READY', '向量索引正在构建 (the vector graph is still being built)');
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('LocalStore is closed');
  }
}
