import hnswlib from 'hnswlib-node';
import { AppError } from '../errors.js';

/** Build and search parameters of the HNSW graph (Malkov & Yashunin 2018; hnswlib's names). */
export interface HnswParams {
  /**
   * Links per node. Range 4–64; more links raise recall and memory (≈ M · 8 bytes per vector per
   * layer). Default 16, hnswlib's own default and plenty for ~40k vectors of 256 dims.
   */
  m: number;
  /**
   * Candidate list size while building. Range ≥ M, typically 100–400; higher builds a better graph,
   * more slowly. Default 100: at 200 the build of the full corpus (77.6k chunks) spent 451 s of a
   * 825 s ingest inserting into the graph on this loaded 2-core machine; `npm run bench` reports
   * recall@10 against an exact scan at this setting.
   */
  efConstruction: number;
  /**
   * Candidate list size while searching (raised to k when k is larger). Range ≥ k, typically
   * 32–512; higher raises recall and latency. Default 128: on the full corpus's hashing vectors
   * recall@10 against an exact scan was 0.708 at 64, 0.818 at 128 (still 51× faster than the scan)
   * and 0.955 at 512 (22×), measured by `npm run bench` (docs/benchmarks.md).
   */
  efSearch: number;
  /** Seed of the level generator, so builds are reproducible. Default 100 (hnswlib's). */
  randomSeed: number;
}

export const DEFAULT_HNSW_PARAMS: Readonly<HnswParams> = Object.freeze({
  m: 16,
  efConstruction: 100,
  efSearch: 128,
  randomSeed: 100,
});

/** Initial capacity of a new graph; it doubles as needed (resizeIndex). */
const INITIAL_CAPACITY = 1024;

/** A vector hit: the caller's label and cosine similarity (1 − hnswlib's cosine distance). */
export interface VectorHit {
  label: number;
  score: number;
}

/**
 * Cosine HNSW over integer labels (the store's chunk ordinals), wrapping hnswlib-node. Removal
 * marks points deleted; new points reuse deleted slots (allowReplaceDeleted), and the graph grows
 * before it runs out of room.
 */
export class HnswVectorIndex {
  readonly dimensions: number;
  readonly params: HnswParams;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly live: Set<number>;

  private constructor(
    index: hnswlib.HierarchicalNSW,
    dimensions: number,
    params: HnswParams,
    live: Set<number>,
  ) {
    this.index = index;
    this.dimensions = dimensions;
    this.params = params;
    this.live = live;
    index.setEf(params.efSearch);
  }

  static create(dimensions: number, params: Partial<HnswParams> = {}): HnswVectorIndex {
    const p = { ...DEFAULT_HNSW_PARAMS, ...params };
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex({
      maxElements: INITIAL_CAPACITY,
      m: p.m,
      efConstruction: p.efConstruction,
      randomSeed: p.randomSeed,
      allowReplaceDeleted: true,
    });
    return new HnswVectorIndex(index, dimensions, p, new Set());
  }

  /**
   * Reads a graph written by `save`. `liveLabels` are the labels the caller still holds (hnswlib
   * keeps deleted labels in its lookup table, so it cannot tell them apart by itself).
   */
  static async load(
    file: string,
    dimensions: number,
    params: Partial<HnswParams>,
    liveLabels: Iterable<number>,
  ): Promise<HnswVectorIndex> {
    const p = { ...DEFAULT_HNSW_PARAMS, ...params };
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(file, true);
    // readIndex resets ef to 10 (hnswlib-node 3.0.0); the constructor sets efSearch again.
    return new HnswVectorIndex(index, dimensions, p, new Set(liveLabels));
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.live.size;
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  /**
   * Adds a vector under a new `label`. Labels must never be reused, not even after `remove`:
   * hnswlib keeps a deleted label's slot until another point replaces it, and a reused label would
   * then be unlinked from its new point. The store's chunk ordinals only grow, which meets this.
   */
  add(label: number, vector: readonly number[]): void {
    this.check(vector);
    if (this.live.has(label)) throw new Error(`hnsw: label ${label} is already in use`);
    const deleted = this.index.getCurrentCount() - this.live.size;
    if (deleted === 0 && this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(INITIAL_CAPACITY, this.index.getMaxElements() * 2));
    }
    // Plain arrays: hnswlib-node 3.0.0 rejects Float32Array.
    this.index.addPoint(Array.isArray(vector) ? (vector as number[]) : Array.from(vector), label, true);
    this.live.add(label);
  }

  remove(label: number): boolean {
    if (!this.live.has(label)) return false;
    this.index.markDelete(label);
    this.live.delete(label);
    return true;
  }

  /**
   * Approximate nearest neighbours, best first; `filter` keeps a label when it returns true. `ef`
   * overrides `params.efSearch` for this search (the bench's recall/speed sweep).
   */
  search(
    vector: readonly number[],
    k: number,
    filter?: (label: number) => boolean,
    ef = this.params.efSearch,
  ): VectorHit[] {
    this.check(vector);
    const n = Math.min(k, this.live.size);
    if (n <= 0) return [];
    this.index.setEf(Math.max(ef, n));
    const query = Array.isArray(vector) ? (vector as number[]) : Array.from(vector);
    const result = filter ? this.index.searchKnn(query, n, filter) : this.index.searchKnn(query, n);
    return result.neighbors
      .map((label, i) => ({ label, score: 1 - result.distances[i] }))
      .sort((a, b) => b.score - a.score || a.label - b.label);
  }

  /**
   * Exact cosine search over the given labels: for filters that leave few candidates, where a
   * filtered graph walk would visit most of the graph for nothing.
   */
  exactSearch(vector: readonly number[], k: number, labels: Iterable<number>): VectorHit[] {
    this.check(vector);
    const qn = norm(vector);
    const hits: VectorHit[] = [];
    for (const label of labels) {
      if (!this.live.has(label)) continue;
      const v = this.index.getPoint(label);
      let dot = 0;
      for (let i = 0; i < v.length; i += 1) dot += v[i] * vector[i];
      const d = qn * norm(v);
      hits.push({ label, score: d > 0 ? dot / d : 0 });
    }
    return hits.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, k);
  }

  /** The live vectors as hnswlib stores them (unit length for cosine), e.g. for an exact-scan baseline. */
  *vectors(): IterableIterator<{ label: number; vector: number[] }> {
    for (const label of this.live) yield { label, vector: this.index.getPoint(label) };
  }

  /** Writes the graph synchronously, so no insert can interleave with the write. */
  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  /**
   * Writes the graph on libuv's thread pool: the event loop keeps serving (searches may run
   * meanwhile; they only read). The caller must not add or remove points until it resolves.
   */
  async saveAsync(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  private check(vector: readonly number[]): void {
    if (vector.length !== this.dimensions) {
      throw new AppError(
        'INDEX_MISMATCH',
        `向量维度不匹配: 索引为 ${this.dimensions} 维, 收到 ${vector.length} 维 (vector has ${vector.length} dimensions, index expects ${this.dimensions})`,
      );
    }
  }
}

function norm(v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i += 1) s += v[i] * v[i];
  return Math.sqrt(s);
}
