import { createChatModel } from '../answer/chat-registry.js';
import { createExtractiveAnswerer } from '../answer/extractive-answerer.js';
import { createPolicyRewritingRetriever } from '../answer/policy-query-rewrite.js';
import type { Config } from '../config.js';
import { isAppError } from '../errors.js';
import { createEmbedder } from '../index/create-embedder.js';
import { HashingEmbedder } from '../index/hashing-embedder.js';
import type { IdfTable } from '../index/idf-table.js';
import { readCurrent } from '../index/index-files.js';
import { withIndexLock } from '../index/index-lock.js';
import { indexIdentity } from '../index/index-manifest.js';
import { LocalStore } from '../index/local-store.js';
import { openConfiguredStore, peekStore } from '../index/open-store.js';
import type { SearchStore } from '../index/search-store.js';
import {
  type CorpusChanges,
  compareWithStore,
  type IngestProgress,
  ingestCorpus,
} from '../ingest/ingest-pipeline.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { prepareDocumentsInParallel } from '../ingest/parallel-prepare.js';
import { UploadPreparer } from '../ingest/upload-preparer.js';
import { createHybridRetriever } from '../retrieve/hybrid-retriever.js';
import { createReranker } from '../retrieve/rerank/create-reranker.js';
import { indexedText } from '../text/indexed-text.js';
import { createJiebaTokenizer } from '../text/jieba-tokenizer.js';
import { loadLexicon } from '../text/lexicon-files.js';
import { mineQuotedTerms } from '../text/quoted-terms.js';
import type { Assistant, IngestReport } from './assistant.js';
import { createIndexer } from './indexer.js';

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
 * Share of the stored documents an ingest would replace or remove above which a local index is
 * rebuilt rather than updated in place (see `mostlyStale`).
 */
const REBUILD_SHARE = 0.5;

function mostlyStale({ replaced, removed, stored }: CorpusChanges): boolean {
  return stored > 0 && (replaced + removed) / stored > REBUILD_SHARE;
}

/** Keys of what the index keeps besides documents and chunks. */
const EXTRA_MINED_TERMS = 'minedTerms';
const EXTRA_EMBEDDER_IDF = 'embedderIdf';

/**
 * Builds the pipeline (the composition root in app/ assembles the service around it: start-service.ts):
 * from the validated config, the tokenizer (with the dictionary
 * terms the index was built with), the embedder, the store, the retriever and the offline answerer.
 * With no index on disk it builds one from the corpus folders first; afterwards it loads it.
 */
export async function buildAssistant(
  config: Config,
  options: BuildAssistantOptions = {},
): Promise<Assistant & { lastIngest?: IngestReport }> {
  // Writing a local index (an ingest, or a first build) takes its directory's write lock: one
  // writer per index, so a service's upload and a CLI ingest never write over each other.
  const writes = config.store === 'local' && (options.ingest || !(await readCurrent(config.indexDir)));
  if (!writes) return build(config, options);
  return withIndexLock(
    config.indexDir,
    { purpose: options.ingest ? 'ingest' : 'first build', waitMs: config.indexLockWaitMs },
    () => build(config, options),
  );
}

async function build(
  config: Config,
  { ingest, onProgress, log = () => {}, uploadWorker = false }: BuildAssistantOptions,
): Promise<Assistant & { lastIngest?: IngestReport }> {
  const dirs = ingest?.dirs ?? config.corpusDirs;
  const peek = ingest?.rebuild ? undefined : await peekStore(config);
  let lastIngest: IngestReport | undefined;

  let assistantParts: Omit<Assistant, 'retriever' | 'extractive' | 'indexer' | 'close' | 'config'>;
  /** The dictionary terms and idf table the index keeps: an upload worker makes its own from them. */
  let kept: { minedTerms: string[]; idf?: IdfTable };
  if (peek) {
    log('index: loading', { store: config.store, dir: config.indexDir, documents: peek.documents });
    const minedTerms = (peek.extra[EXTRA_MINED_TERMS] as string[] | undefined) ?? [];
    const tokenizer = createJiebaTokenizer({
      extraTerms: minedTerms,
      lexicon: loadLexicon(config.lexiconFiles),
    });
    const idf = peek.extra[EXTRA_EMBEDDER_IDF] as IdfTable | undefined;
    const embedder = createEmbedder(config.embedder, { tokenizer, idf });
    let store: SearchStore;
    try {
      store = await openConfiguredStore(config, { identity: indexIdentity(embedder, tokenizer) });
    } catch (err) {
      // An ingest after a configuration change (another embedder, dimensions, dictionary) rebuilds:
      // written aside and swapped in, so the old index keeps serving until the new one is complete.
      // The service (no ingest requested) reports the mismatch instead.
      if (!ingest || !isAppError(err) || err.code !== 'INDEX_MISMATCH') throw err;
      log('index: configuration changed, rebuilding', { detail: err.message });
      return build(config, { ingest: { ...ingest, rebuild: true }, onProgress, log });
    }
    assistantParts = { tokenizer, embedder, store };
    kept = { minedTerms, idf };
    if (ingest) {
      const t = performance.now();
      const corpus = await loadCorpus(dirs, {
        only: ingest.only,
        onProgress: (done, total) => onProgress?.('load', done, total),
      });
      const loaded = { ...corpus, seconds: (performance.now() - t) / 1000 };
      const changes = await compareWithStore(store, corpus.documents);
      if (config.store === 'local' && mostlyStale(changes)) {
        // Replacing most of a graph in place is slow (hnswlib walks the deleted points) and leaves
        // it half tombstones: a fresh build is faster and gives the index it would have had.
        log('index: most documents changed, rebuilding', {
          replaced: changes.replaced,
          removed: changes.removed,
        });
        await store.close();
        const rebuilt = await build(config, {
          ingest: { ...ingest, rebuild: true },
          onProgress,
          log,
        });
        if (rebuilt.lastIngest) {
          const { added, replaced, unchanged, removed } = changes;
          rebuilt.lastIngest = { ...rebuilt.lastIngest, added, replaced, unchanged, removed, rebuilt: true };
        }
        return rebuilt;
      }
      lastIngest = await ingestCorpus({
        dirs,
        only: ingest.only,
        store,
        tokenizer,
        embedder,
        onProgress,
        loaded,
        changes,
      });
    }
  } else {
    log('index: building', { store: config.store, dir: config.indexDir, corpus: dirs });
    const t = performance.now();
    const loaded = await loadCorpus(dirs, {
      only: ingest?.only,
      onProgress: (done, total) => onProgress?.('load', done, total),
    });
    const seconds = (performance.now() - t) / 1000;
    const minedTerms = mineQuotedTerms(loaded.documents.map((d) => d.text));
    const tokenizer = createJiebaTokenizer({
      extraTerms: minedTerms,
      lexicon: loadLexicon(config.lexiconFiles),
    });
    let embedder = createEmbedder(config.embedder, { tokenizer });
    const t1 = performance.now();
    const { prepared, workerSeconds } = await prepareDocumentsInParallel(loaded.documents, tokenizer, {
      extraTerms: minedTerms,
      lexiconFiles: config.lexiconFiles,
      onProgress,
      enabled: ingest?.parallel ?? true,
    });
    const tokenizeSeconds = (performance.now() - t1) / 1000;
    let idf: IdfTable | undefined;
    const t2 = performance.now();
    if (embedder instanceof HashingEmbedder) {
      const chunks = prepared.flatMap((p) => p.chunks.map(indexedText));
      idf = embedder.fitIdf(chunks, { tokens: prepared.flatMap((p) => p.tokens) });
      embedder = createEmbedder(config.embedder, { tokenizer, idf });
    }
    const fitSeconds = (performance.now() - t2) / 1000;
    // A replica that finds another one's fresh index keeps it; only an explicit rebuild resets.
    const store = await openConfiguredStore(config, {
      identity: indexIdentity(embedder, tokenizer),
      create: true,
      reset: config.store === 'local' || ingest?.rebuild === true,
      extras: idf
        ? { [EXTRA_MINED_TERMS]: minedTerms, [EXTRA_EMBEDDER_IDF]: idf }
        : { [EXTRA_MINED_TERMS]: minedTerms },
    });
    // A fresh local index builds its vector graph on a worker thread beside embedding and BM25;
    // only worth it for a corpus big enough to have paid for the tokenizer worker too.
    if (store instanceof LocalStore && workerSeconds > 0) store.startVectorWorker();
    lastIngest = await ingestCorpus({
      dirs,
      only: ingest?.only,
      store,
      tokenizer,
      embedder,
      onProgress,
      loaded: { ...loaded, seconds },
      prepared: new Map(prepared.map((p) => [p.doc.id, p])),
    });
    lastIngest.stages.tokenize = (lastIngest.stages.tokenize ?? 0) + tokenizeSeconds;
    // Fitting the embedder's idf is part of embedding.
    lastIngest.stages.embed = (lastIngest.stages.embed ?? 0) + fitSeconds;
    if (workerSeconds > 0) lastIngest.stages.tokenizeWorker = workerSeconds;
    log('index: built', {
      documents: lastIngest.documents,
      chunks: lastIngest.chunks,
      skipped: lastIngest.skipped.length,
    });
    assistantParts = { tokenizer, embedder, store };
    kept = { minedTerms, idf };
  }

  const { tokenizer, embedder, store } = assistantParts;
  const vectorWeight = config.vectorWeight ?? (config.embedder.kind === 'hashing' ? 0.2 : 1);
  const reranker = createReranker(config.rerank, (err) =>
    log('rerank: failed, offline order used', { code: err.code }),
  );
  const hybrid = createHybridRetriever({
    store,
    tokenizer,
    embedder,
    k: config.retrievalK,
    vectorWeight,
    deploymentRegion: config.deploymentRegion,
    reranker,
    rerankCandidates: config.rerankCandidates,
  });
  const rewriteChat = config.queryRewrite ? createChatModel(config.chat) : undefined;
  const retriever = rewriteChat
    ? createPolicyRewritingRetriever({
        retriever: hybrid,
        chat: rewriteChat,
        onFallback: () => log('query rewrite: model failed, question searched alone'),
      })
    : hybrid;
  const extractive = createExtractiveAnswerer({ tokenizer, store, referralLine: config.referralLine });
  const preparer = uploadWorker
    ? new UploadPreparer({
        extraTerms: kept.minedTerms,
        embedder: config.embedder,
        idf: kept.idf,
        preparedWith: `${tokenizer.id}|${embedder.id}`,
      })
    : undefined;
  const indexer = createIndexer({ store, tokenizer, embedder, uploadDir: config.uploadDir, preparer });
  return {
    config,
    tokenizer,
    embedder,
    store,
    retriever,
    extractive,
    indexer,
    lastIngest,
    close: async () => {
      await preparer?.close();
      await store.close();
    },
  };
}
