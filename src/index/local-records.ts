import type { Chunk, DocumentMeta, MetaFilter } from '../domain.js';
import { runSliced } from './cooperative.js';
import { isEmptyFilter, matchesFilter } from './meta-filter.js';
import type { StoredDocument } from './search-store.js';
import { type ChunkRecord, type DocRecord, toChunk } from './store-records.js';

/** Chunks recorded per step of `LocalRecords.load`. */
const FILL_STEP = 1000;

/**
 * The documents and chunk records of a local store, by document id, chunk id and chunk ordinal
 * (the label BM25 and the vector graph know a chunk by). Plain maps: every change is synchronous.
 */
export class LocalRecords {
  readonly docs = new Map<string, DocRecord>();
  readonly chunks = new Map<number, ChunkRecord>();
  private readonly ordinalById = new Map<string, number>();

  /**
   * The records of a loaded generation, filled in slices: 87,000 chunks took ~100 ms in one go
   * (measured 2026-11-30), and a service loads a generation while it serves.
   */
  static async load(documents: DocRecord[], chunks: [number, ChunkRecord][]): Promise<LocalRecords> {
    const records = new LocalRecords();
    await runSliced(records.fillSteps(documents, chunks));
    return records;
  }

  private *fillSteps(documents: DocRecord[], chunks: [number, ChunkRecord][]): Generator<void, void> {
    for (const d of documents) this.docs.set(d.meta.id, d);
    yield;
    for (let i = 0; i < chunks.length; i++) {
      const [ord, c] = chunks[i];
      this.setChunk(ord, c);
      if (i % FILL_STEP === FILL_STEP - 1) yield;
    }
  }

  setChunk(ordinal: number, record: ChunkRecord): void {
    this.chunks.set(ordinal, record);
    this.ordinalById.set(record.id, ordinal);
  }

  /** Forgets a document's chunk records (the document stays); the ordinals they had. */
  removeChunksOf(docId: string): number[] {
    const d = this.docs.get(docId);
    if (!d) return [];
    for (const ord of d.ordinals) {
      const record = this.chunks.get(ord);
      if (record) this.ordinalById.delete(record.id);
      this.chunks.delete(ord);
    }
    return d.ordinals;
  }

  document(id: string): StoredDocument | undefined {
    const d = this.docs.get(id);
    if (!d) return undefined;
    const chunks: Chunk[] = [];
    for (const ord of d.ordinals) {
      const record = this.chunks.get(ord);
      if (record) chunks.push(toChunk(record, d.text));
    }
    return { meta: d.meta, text: d.text, hash: d.hash, chunks };
  }

  list(filter?: MetaFilter): DocumentMeta[] {
    const out: DocumentMeta[] = [];
    for (const d of this.docs.values()) if (matchesFilter(d.meta, filter)) out.push(d.meta);
    return out;
  }

  chunksById(ids: string[]): Chunk[] {
    const out: Chunk[] = [];
    for (const id of ids) {
      const ord = this.ordinalById.get(id);
      const record = ord === undefined ? undefined : this.chunks.get(ord);
      const doc = record && this.docs.get(record.docId);
      if (record && doc) out.push(toChunk(record, doc.text));
    }
    return out;
  }

  chunkId(ordinal: number): string {
    return this.chunks.get(ordinal)?.id ?? '';
  }

  /** Ordinals of the chunks of the documents passing `filter`; undefined when nothing is filtered. */
  allowedOrdinals(filter?: MetaFilter): Set<number> | undefined {
    if (isEmptyFilter(filter)) return undefined;
    const allowed = new Set<number>();
    for (const d of this.docs.values()) {
      if (matchesFilter(d.meta, filter)) for (const ord of d.ordinals) allowed.add(ord);
    }
    return allowed;
  }
}
