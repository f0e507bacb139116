import { AppError } from '../errors.js';
import type { HnswVectorIndex, VectorHit } from './hnsw-index.js';
import { HnswWorkerBuilder } from './hnsw-worker-builder.js';

/**
 * Below this many candidate chunks a filtered vector search is exact (cosine over the stored
 * vectors) instead of a filtered graph walk, which degrades when the filter keeps few points.
 * 2,000 × 256 dims costs ~1–2 ms here.
 */
const EXACT_SEARCH_LIMIT = 2000;

/**
 * The vector graph of a local store, by chunk ordinal. It is built in place, or during a bulk load
 * of an empty store on a worker thread (`startWorker` … `finishWorker`), so that the ingest inserts
 * into HNSW while the main thread embeds and fills BM25; vector search waits for the worker's graph.
 */
export class LocalVectors {
  private graph: HnswVectorIndex;
  /** While set, vectors go to a graph being built on a worker thread. */
  private worker: HnswWorkerBuilder | undefined;

  constructor(graph: HnswVectorIndex) {
    this.graph = graph;
  }

  add(ordinal: number, vector: readonly number[]): void {
    if (this.worker) this.worker.add(ordinal, vector);
    else this.graph.add(ordinal, vector);
  }

  remove(ordinal: number): void {
    if (this.worker) this.worker.remove(ordinal);
    else this.graph.remove(ordinal);
  }

  /**
   * The `k` nearest vectors. With `allowed` (the ordinals a metadata filter keeps) only those: an
   * exact scan when they are few, a filtered graph walk otherwise; without, every ordinal but the
   * `hidden` ones (a large document still being inserted).
   */
  search(vector: number[], k: number, allowed: Set<number> | undefined, hidden: Set<number>): VectorHit[] {
    const graph = this.ready();
    if (!allowed) {
      return hidden.size > 0
        ? graph.search(vector, k, (label) => !hidden.has(label))
        : graph.search(vector, k);
    }
    return allowed.size <= EXACT_SEARCH_LIMIT
      ? graph.exactSearch(vector, k, allowed)
      : graph.search(vector, k, (label) => allowed.has(label));
  }

  /** The graph itself (measurements); INDEX_NOT_READY while a worker is building it. */
  ready(): HnswVectorIndex {
    if (this.worker) {
      throw new AppError('INDEX_NOT_READY', '向量索引正在构建 (the vector graph is still being built)');
    }
    return this.graph;
  }

  /**
   * Writes the graph to `file` off the event loop (a flush; the worker's graph must have been taken
   * in first); no add or remove until it resolves (the store holds its writes).
   */
  saveAsync(file: string): Promise<void> {
    return this.graph.saveAsync(file);
  }

  /** From here on vectors go to a graph built on a worker thread; false when one already is. */
  startWorker(): boolean {
    if (this.worker) return false;
    this.worker = new HnswWorkerBuilder(this.graph.dimensions, this.graph.params);
    return true;
  }

  /**
   * Waits for the worker's graph (written through `tmpFile`) and takes it in with the `live`
   * ordinals; the seconds the worker spent (0 without a worker).
   */
  async finishWorker(tmpFile: string, live: Iterable<number>): Promise<number> {
    const builder = this.worker;
    if (!builder) return 0;
    try {
      const { index, seconds } = await builder.finish(tmpFile, live);
      this.graph = index;
      return seconds;
    } finally {
      this.worker = undefined;
    }
  }

  /** Stops a worker without taking its graph (the store is closing). */
  async abandonWorker(): Promise<void> {
    await this.worker?.abandon();
    this.worker = undefined;
  }
}
