import type { Config } from '../config.js';
import {
  type CorpusChanges,
  compareWithStore,
  type IngestProgress,
  ingestCorpus,
} from '../ingest/ingest-pipeline.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import type { IndexParts } from './index-parts.js';

/**
 * Share of the stored documents an ingest would replace or remove above which a local index is
 * rebuilt rather than updated in place (see `mostlyStale`).
 */
const REBUILD_SHARE = 0.5;

function mostlyStale({ replaced, removed, stored }: CorpusChanges): boolean {
  return stored > 0 && (replaced + removed) / stored > REBUILD_SHARE;
}

/** What `updateIndex` did: the ingest's report, or nothing and the changes that call for a rebuild. */
export type IndexUpdate = { report: IngestReport } | { staleChanges: CorpusChanges };

/**
 * Brings an opened index up to date with the corpus folders, incrementally by content hash. A
 * local index most of whose documents changed is left alone: the caller rebuilds it, because
 * replacing most of a graph in place is slow (hnswlib walks the deleted points) and leaves it half
 * tombstones, while a fresh build is faster and gives the index it would have had.
 */
export async function updateIndex(
  config: Config,
  { store, tokenizer, embedder }: IndexParts,
  { dirs, only, onProgress }: { dirs: string[]; only?: Set<string>; onProgress?: IngestProgress },
): Promise<IndexUpdate> {
  const t = performance.now();
  const corpus = await loadCorpus(dirs, {
    only,
    onProgress: (done, total) => onProgress?.('load', done, total),
  });
  const loaded = { ...corpus, seconds: (performance.now() - t) / 1000 };
  const changes = await compareWithStore(store, corpus.documents);
  if (config.store === 'local' && mostlyStale(changes)) return { staleChanges: changes };
  const report = await ingestCorpus({ store, tokenizer, embedder, dirs, only, onProgress, loaded, changes });
  return { report };
}
