import type { Chunk, DocumentMeta, MetaFilter, SourceDocument } from '../domain.js';
import type { Bm25Index } from './bm25.js';
import { assertChunkOf, assertVectorSize } from './chunk-checks.js';
import { runSliced } from './cooperative.js';
import { FILES, persistGeneration } from './generation-io.js';
import type { HnswVectorIndex } from './hnsw-index.js';
import { createNextGeneration } from './index-files.js';
import type { BuildOptions } from './index-manifest.js';
import { LocalRecords } from './local-records.js';
import { snapshotSteps } from './local-snapshot.js';
import { LocalVectors } from './local-vectors.js';
import { OrdinalIndexes } from './ordinal-indexes.js';
import type {
  BackgroundVectorBuild,
  IndexedChunk,
  IndexIdentity,
  InsertTimings,
  SearchStore,
  StoredDocument,
  StoreHit,
} from './search-store.js';
import { SerialQueue } from './serial-queue.js';
import { toChunkRecord } from './store-records.js';

/**
 * A document with more chunks than this goes in with yields to the event loop every `SLICE_MS`
 * (cooperative.ts). An 8 MB upload (~7,000 chunks) used to hold the loop for its whole insert (27 s
 * with tokenizing, issue 14); fixed slices of 50 chunks still held it up to 115 ms at load 10.
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
  private readonly records: LocalRecords;
  private readonly indexes: OrdinalIndexes;
  private extra: Record<string, unknown>;
  private dirty: boolean;
  private readonly flushes = new SerialQueue();
  /** Writes and flush snapshots, one after another (see `serial`). */
  private readonly exclusive = new SerialQueue();
  private closed = false;
  private currentGeneration: string | undefined;

  /** Use `openLocalStore`. */
  constructor(parts: {
    dir: string;
    identity: IndexIdentity;
    buildOptions: BuildOptions;
    bm25: Bm25Index;
    hnsw: HnswVectorIndex;
    /** The loaded documents and chunks (`LocalRecords.load`); none for a new store. */
    records?: LocalRecords;
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
    this.indexes = new OrdinalIndexes(parts.bm25, new LocalVectors(parts.hnsw), parts.nextOrdinal ?? 0);
    this.extra = parts.extra ?? {};
    this.dirty = parts.dirty;
    this.records = parts.records ?? new LocalRecords();
  }

  /**
   * The generation on disk this store holds: the one it loaded or last wrote (undefined before the
   * first flush of a new store). Another process that commits a newer one makes CURRENT differ.
   */
  get generation(): string | undefined {
    return this.currentGeneration;
  }

  async documentHash(id: string): Promise<string | undefined> {
    return this.records.docs.get(id)?.hash;
  }

  /**
   * Runs `fn` after the writes and flush snapshots before it: a flush serialises the store in
   * slices (the event loop serves searches meanwhile), and no write may change it half-way.
   */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.exclusive.run(fn);
  }

  upsertDocument(doc: SourceDocument, chunks: IndexedChunk[]): Promise<void> {
    this.assertOpen();
    return this.serial(() => this.upsertNow(doc, chunks));
  }

  private async upsertNow(doc: SourceDocument, chunks: IndexedChunk[]): Promise<void> {
    this.assertOpen();
    for (const c of chunks) {
      assertVectorSize(`chunk ${c.chunk.id}`, c.vector, this.identity.dimensions);
      assertChunkOf(doc.id, c);
    }
    // A large document goes into the graph and BM25 in slices, yielding between them, under new
    // ordinals readers skip until the switch below: the event loop keeps answering.
    const ordinals =
      chunks.length > INSERT_SLICE ? await this.indexes.insertPending(chunks, () => this.assertOpen()) : [];
    // From here on synchronous: readers never see half a document.
    this.removeChunks(doc.id);
    if (ordinals.length === 0) {
      for (const { tokens, vector } of chunks) ordinals.push(this.indexes.insert(tokens, vector));
    }
    chunks.forEach(({ chunk }, i) => {
      this.records.setChunk(ordinals[i], toChunkRecord(chunk, doc.text));
      this.indexes.pending.delete(ordinals[i]);
    });
    this.records.docs.set(doc.id, { meta: doc.meta, text: doc.text, hash: doc.hash, ordinals });
    this.dirty = true;
  }

  deleteDocument(id: string): Promise<boolean> {
    this.assertOpen();
    return this.serial(async () => {
      this.assertOpen();
      if (!this.records.docs.has(id)) return false;
      this.removeChunks(id);
      this.records.docs.delete(id);
      this.dirty = true;
      return true;
    });
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    return this.records.document(id);
  }

  async listDocuments(filter?: MetaFilter): Promise<DocumentMeta[]> {
    return this.records.list(filter);
  }

  async getChunks(ids: string[]): Promise<Chunk[]> {
    return this.records.chunksById(ids);
  }

  async keywordSearch(terms: string[][], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    const hits = this.indexes.keywordSearch(terms, k, this.records.allowedOrdinals(filter));
    return hits.map((h, i) => ({
      chunkId: this.records.chunkId(h.ordinal),
      score: h.score,
      rank: i + 1,
      matchedTerms: h.matchedTerms,
    }));
  }

  async vectorSearch(vector: number[], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    const hits = this.indexes.vectorSearch(vector, k, this.records.allowedOrdinals(filter));
    return hits.map((h, i) => ({ chunkId: this.records.chunkId(h.label), score: h.score, rank: i + 1 }));
  }

  async idf(terms: string[]): Promise<Map<string, number>> {
    return new Map(terms.map((t) => [t, this.indexes.bm25.idf(t)]));
  }

  async stats(): Promise<{ documents: number; chunks: number }> {
    return { documents: this.records.docs.size, chunks: this.records.chunks.size };
  }

  /** The vector graph itself, for measurements (`npm run bench`: recall against an exact scan). */
  vectorGraph(): HnswVectorIndex {
    return this.indexes.vectors.ready();
  }

  insertTimings(): InsertTimings {
    return this.indexes.timings();
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
   * Builds the vector graph of an empty store on a worker thread from `start` on, so that a bulk
   * ingest inserts into HNSW while the main thread embeds and fills BM25. The graph is the same as
   * a main-thread build: same class, same order, same seed.
   */
  readonly backgroundVectors: BackgroundVectorBuild = {
    start: () => this.startVectorWorker(),
    finish: () => this.finishVectorWorker(),
  };

  private startVectorWorker(): boolean {
    this.assertOpen();
    if (this.records.chunks.size > 0 || this.indexes.nextOrdinal > 0) return false;
    return this.indexes.vectors.startWorker();
  }

  private finishVectorWorker(): Promise<number> {
    const file = `${this.dir}/.hnsw-build-${process.pid}-${Date.now()}.tmp`;
    return this.indexes.vectors.finishWorker(file, this.records.chunks.keys());
  }

  /** Persists pending changes as a new generation; concurrent calls run one after another. */
  async flush(): Promise<void> {
    await this.finishVectorWorker();
    return this.flushes.run(() => this.flushNow());
  }

  /** Stops further changes. Does not flush: call `flush` first to keep pending changes. */
  async close(): Promise<void> {
    await this.flushes.idle();
    await this.indexes.vectors.abandonWorker();
    this.closed = true;
  }

  private async flushNow(): Promise<void> {
    // After the writes before it (a write in progress is part of this flush), and writes wait
    // until the graph is saved and the rest serialised: the snapshot is consistent; searches go on
    // meanwhile. In one synchronous step this held the event loop 0.5 s for 150 documents plus an
    // 8 MB upload (measured 2026-11-30), and longer for a larger index.
    const taken = await this.serial(async () => {
      if (!this.dirty) return undefined;
      const gen = await createNextGeneration(this.dir);
      this.dirty = false;
      try {
        const { bm25, vectors, nextOrdinal } = this.indexes;
        await vectors.saveAsync(`${gen.path}/${FILES.vectors}`);
        const state = { identity: this.identity, buildOptions: this.buildOptions, bm25 };
        const { docs, chunks } = this.records;
        const more = { docs, chunks, extra: this.extra, nextOrdinal };
        return { gen, snapshot: await runSliced(snapshotSteps({ ...state, ...more })) };
      } catch (err) {
        this.dirty = true;
        throw err;
      }
    });
    if (!taken) return;
    try {
      await persistGeneration(this.dir, taken.gen, taken.snapshot);
      this.currentGeneration = taken.gen.name;
    } catch (err) {
      this.dirty = true;
      throw err;
    }
  }

  private removeChunks(docId: string): void {
    for (const ord of this.records.removeChunksOf(docId)) this.indexes.remove(ord);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('LocalStore is closed');
  }
}
