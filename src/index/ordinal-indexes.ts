import type { Bm25Index } from './bm25.js';
import { runSliced } from './cooperative.js';
import type { LocalVectors } from './local-vectors.js';
import type { IndexedChunk, InsertTimings } from './search-store.js';

/**
 * The two indexes of a local store that know a chunk by its ordinal: BM25 and the vector graph,
 * with the ordinals handed out so far and those of a large document still going in (in both
 * indexes, hidden from searches until the store switches the document over in one step).
 */
export class OrdinalIndexes {
  /** Ordinals of a large document still being inserted: in the graph and BM25, hidden from readers. */
  readonly pending = new Set<number>();
  /** Seconds spent adding to each index since the store was opened (ingest stage timings). */
  private readonly seconds: InsertTimings = { bm25: 0, hnsw: 0 };

  constructor(
    readonly bm25: Bm25Index,
    readonly vectors: LocalVectors,
    /** The next ordinal to hand out (persisted: ordinals are never reused). */
    public nextOrdinal = 0,
  ) {}

  /** Adds one chunk's terms and vector under a new ordinal (timed for the ingest report). */
  insert(tokens: string[], vector: number[]): number {
    const ord = this.nextOrdinal++;
    const t0 = performance.now();
    this.bm25.add(ord, tokens);
    const t1 = performance.now();
    this.vectors.add(ord, vector);
    this.seconds.bm25 += (t1 - t0) / 1000;
    this.seconds.hnsw += (performance.now() - t1) / 1000;
    return ord;
  }

  /**
   * Adds `chunks` under new pending ordinals, yielding to the event loop between slices
   * (cooperative.ts); `stillOpen` is checked after each chunk. On failure nothing stays behind.
   * Returns the ordinals, in chunk order; the caller takes them out of `pending` when it switches.
   */
  async insertPending(chunks: IndexedChunk[], stillOpen: () => void): Promise<number[]> {
    const ordinals: number[] = [];
    const self = this;
    try {
      await runSliced(
        (function* () {
          for (const { tokens, vector } of chunks) {
            const ord = self.insert(tokens, vector);
            self.pending.add(ord);
            ordinals.push(ord);
            yield;
            stillOpen();
          }
        })(),
      );
      return ordinals;
    } catch (err) {
      for (const ord of ordinals) {
        this.pending.delete(ord);
        this.remove(ord);
      }
      throw err;
    }
  }

  remove(ord: number): void {
    this.bm25.remove(ord);
    this.vectors.remove(ord);
  }

  /** Keyword hits among `allowed` ordinals (all when undefined), pending ones left out. */
  keywordSearch(terms: string[][], k: number, allowed: Set<number> | undefined) {
    const pending = this.pending;
    const keep = allowed
      ? (ord: number) => allowed.has(ord)
      : pending.size > 0
        ? (ord: number) => !pending.has(ord)
        : undefined;
    return this.bm25.search(terms, k, keep);
  }

  /** Nearest vectors among `allowed` ordinals (all when undefined), pending ones left out. */
  vectorSearch(vector: number[], k: number, allowed: Set<number> | undefined) {
    return this.vectors.search(vector, k, allowed, this.pending);
  }

  timings(): InsertTimings {
    return { ...this.seconds };
  }
}
