import { mkdir } from 'node:fs/promises';
import { AppError, isAppError } from '../errors.js';
import { Bm25Index } from './bm25.js';
import type { Bm25Params } from './bm25-scoring.js';
import { loadGeneration } from './generation-io.js';
import { type HnswParams, HnswVectorIndex } from './hnsw-index.js';
import { readCurrent } from './index-files.js';
import { type BuildOptions, corruptError } from './index-manifest.js';
import { LocalRecords } from './local-records.js';
import { LocalStore } from './local-store.js';
import type { IndexIdentity } from './search-store.js';

export interface OpenLocalStoreOptions {
  /** Index directory (holds CURRENT and gen-<n>/). */
  dir: string;
  /** What the caller's embedder and tokenizer are; a stored index built otherwise is refused. */
  identity: IndexIdentity;
  /** Start an empty store when the directory holds no index (otherwise INDEX_NOT_READY). */
  create?: boolean;
  /**
   * Ignore whatever is stored and start empty; the next `flush` replaces the old index atomically
   * (a full rebuild while the old generation stays loadable until then).
   */
  reset?: boolean;
  /** Graph parameters for a new index; a loaded index keeps the ones it was built with. */
  hnsw?: Partial<HnswParams>;
  /** BM25 parameters for a new index; a loaded index keeps the ones it was built with. */
  bm25?: Partial<Bm25Params>;
  /** Extra build options to record in the manifest of a new index (e.g. chunker settings). */
  buildOptions?: Record<string, unknown>;
}

/**
 * Opens the index in `dir`: loads the generation CURRENT names, checked against `identity`
 * (INDEX_MISMATCH) and its manifest (INDEX_CORRUPT); or, with `create`, starts an empty store when
 * there is none (otherwise INDEX_NOT_READY). With `reset`, starts empty regardless.
 */
export async function openLocalStore(options: OpenLocalStoreOptions): Promise<LocalStore> {
  const before = options.reset ? undefined : await readCurrent(options.dir);
  try {
    return await openOnce(options);
  } catch (err) {
    // A reader takes no lock: a writer in another process may have committed a newer generation
    // and removed the one being read. A file gone missing while CURRENT moved on is that, not
    // damage: read the new one.
    if (!isAppError(err) || err.code !== 'INDEX_CORRUPT' || !before) throw err;
    const now = await readCurrent(options.dir);
    if (!now || now === before) throw err;
    return openOnce(options);
  }
}

async function openOnce(options: OpenLocalStoreOptions): Promise<LocalStore> {
  const { dir, identity, create = false, reset = false } = options;
  const loaded = reset ? undefined : await loadGeneration(dir, identity);
  if (loaded) {
    const { manifest } = loaded;
    const live = loaded.chunks.map(([ord]) => ord);
    let hnsw: HnswVectorIndex;
    try {
      hnsw = await HnswVectorIndex.load(
        loaded.vectorsPath,
        identity.dimensions,
        manifest.buildOptions.hnsw,
        live,
      );
    } catch (err) {
      throw corruptError(loaded.vectorsPath, 'hnswlib could not read the graph', err);
    }
    return new LocalStore({
      dir,
      identity,
      buildOptions: manifest.buildOptions,
      bm25: new Bm25Index(manifest.buildOptions.bm25, loaded.bm25),
      hnsw,
      records: await LocalRecords.load(loaded.documents, loaded.chunks),
      extra: loaded.extra,
      nextOrdinal: manifest.counts.nextOrdinal,
      dirty: false,
      generation: loaded.name,
    });
  }
  if (!create && !reset) {
    throw new AppError(
      'INDEX_NOT_READY',
      `索引目录 ${dir} 中没有索引, 请先运行 ingest (no index in ${dir}: run \`npm run ingest\` first)`,
    );
  }
  await mkdir(dir, { recursive: true });
  const bm25 = new Bm25Index(options.bm25);
  const hnsw = HnswVectorIndex.create(identity.dimensions, options.hnsw);
  const buildOptions: BuildOptions = { ...options.buildOptions, hnsw: hnsw.params, bm25: bm25.params };
  // A new store is dirty so that its first flush writes a (possibly empty) generation.
  return new LocalStore({ dir, identity, buildOptions, bm25, hnsw, dirty: true });
}
