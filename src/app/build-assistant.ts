import type { Config } from '../config.js';
import { isAppError } from '../errors.js';
import { readCurrent } from '../index/index-files.js';
import { withIndexLock } from '../index/index-lock.js';
import { peekStore, type StorePeek } from '../index/open-store.js';
import type { IngestProgress } from '../ingest/ingest-pipeline.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { reconcileStaging } from '../ingest/upload-staging.js';
import { assembleAssistant } from './assemble-assistant.js';
import type { Assistant } from './assistant.js';
import { buildIndex } from './build-index.js';
import type { IndexParts } from './index-parts.js';
import { openIndex } from './open-index.js';
import { updateIndex } from './update-index.js';

export interface BuildAssistantOptions {
  /** Bring the index up to date with the corpus folders (incremental). A missing index is always built. */
  ingest?: {
    only?: Set<string>;
    dirs?: string[];
    rebuild?: boolean;
    /**
     * Use worker threads for a large fresh build (tokenizing, HNSW). Default true; false keeps all
     * work on the main thread (the bench's A/B comparison). The index is the same either way.
     */
    parallel?: boolean;
  };
  onProgress?: IngestProgress;
  /** Read, chunk, tokenize and embed uploads on a worker thread (the service). Default false. */
  uploadWorker?: boolean;
  /** Progress and decisions for the service log. */
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The assembled pipeline, with what the ingest did when this call wrote the index, and which staged
 * uploads it settled first (`reconcileStaging`: kept because the index had committed them, or
 * deleted because it had not).
 */
export type BuiltAssistant = Assistant & {
  lastIngest?: IngestReport;
  reconciled?: { restored: string[]; removed: string[] };
};

/**
 * Builds the pipeline from the validated config: the tokenizer (with the dictionary terms the index
 * was built with), the embedder, the store, the retriever and the offline answerer. It opens the
 * stored index (`openAssistant`, updating it first when asked to ingest), builds one from the
 * corpus folders when there is none (`buildFresh`), or rebuilds it when an ingest finds the
 * configuration or most documents changed (`rebuild`).
 */
export async function buildAssistant(
  config: Config,
  options: BuildAssistantOptions = {},
): Promise<BuiltAssistant> {
  // Writing a local index (an ingest, or a first build) takes its directory's write lock: one
  // writer per index, so a service's upload and a CLI ingest never write over each other.
  const writes = config.store === 'local' && (options.ingest || !(await readCurrent(config.indexDir)));
  if (!writes) return openOrBuild(config, options);
  return withIndexLock(
    config.indexDir,
    { purpose: options.ingest ? 'ingest' : 'first build', waitMs: config.indexLockWaitMs },
    () => openOrBuild(config, options),
  );
}

async function openOrBuild(config: Config, options: BuildAssistantOptions): Promise<BuiltAssistant> {
  const peek = options.ingest?.rebuild ? undefined : await peekStore(config);
  return peek ? openAssistant(config, options, peek) : buildFresh(config, options);
}

/** The stored index, brought up to date with the corpus first when `options.ingest` asks. */
async function openAssistant(
  config: Config,
  options: BuildAssistantOptions,
  peek: StorePeek,
): Promise<BuiltAssistant> {
  const { ingest, onProgress, log = () => {} } = options;
  log('index: loading', { store: config.store, dir: config.indexDir, documents: peek.documents });
  let parts: IndexParts;
  try {
    parts = await openIndex(config, peek);
  } catch (err) {
    // An ingest after a configuration change (another embedder, dimensions, dictionary) rebuilds:
    // written aside and swapped in, so the old index keeps serving until the new one is complete.
    // The service (no ingest requested) reports the mismatch instead.
    if (!ingest || !isAppError(err) || err.code !== 'INDEX_MISMATCH') throw err;
    log('index: configuration changed, rebuilding', { detail: err.message });
    return rebuild(config, options);
  }
  if (!ingest) return assemble(config, parts, options);
  // Uploads a killed service committed but had not moved into the upload folder (a corpus folder)
  // yet: settled as the service settles them at start, before the corpus is read, or the ingest
  // would find them missing from the corpus and remove them. The write lock is held here.
  const reconciled =
    config.store === 'local'
      ? await reconcileStaging(config.uploadDir, (id) => parts.store.documentHash(id))
      : undefined;
  if (reconciled && reconciled.restored.length + reconciled.removed.length > 0)
    log('uploads reconciled', reconciled);
  const dirs = ingest.dirs ?? config.corpusDirs;
  const update = await updateIndex(config, parts, { dirs, only: ingest.only, onProgress });
  if ('report' in update) return { ...assemble(config, parts, options, update.report), reconciled };
  const { added, replaced, unchanged, removed } = update.staleChanges;
  log('index: most documents changed, rebuilding', { replaced, removed });
  await parts.store.close();
  const rebuilt = await rebuild(config, options);
  if (rebuilt.lastIngest) {
    rebuilt.lastIngest = { ...rebuilt.lastIngest, added, replaced, unchanged, removed, rebuilt: true };
  }
  return { ...rebuilt, reconciled };
}

/** A new index from the corpus folders (the first start, or `rebuild`). */
async function buildFresh(config: Config, options: BuildAssistantOptions): Promise<BuiltAssistant> {
  const { ingest, onProgress, log = () => {} } = options;
  const dirs = ingest?.dirs ?? config.corpusDirs;
  log('index: building', { store: config.store, dir: config.indexDir, corpus: dirs });
  const { parts, report } = await buildIndex(config, {
    dirs,
    only: ingest?.only,
    rebuild: ingest?.rebuild === true,
    parallel: ingest?.parallel ?? true,
    onProgress,
  });
  log('index: built', { documents: report.documents, chunks: report.chunks, skipped: report.skipped.length });
  return assemble(config, parts, options, report);
}

/** The index written afresh beside the old one, which serves until the new one is complete. */
function rebuild(config: Config, options: BuildAssistantOptions): Promise<BuiltAssistant> {
  return buildFresh(config, { ...options, ingest: { ...options.ingest, rebuild: true } });
}

function assemble(
  config: Config,
  parts: IndexParts,
  { uploadWorker = false, log = () => {} }: BuildAssistantOptions,
  lastIngest?: IngestReport,
): BuiltAssistant {
  return { ...assembleAssistant(config, parts, { uploadWorker, log }), lastIngest };
}
