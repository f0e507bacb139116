import type { Config } from '../config.js';
import { createEmbedder } from '../index/create-embedder.js';
import type { IdfTable } from '../index/idf-table.js';
import { indexIdentity } from '../index/index-manifest.js';
import { openConfiguredStore } from '../index/open-store.js';
import { type IngestProgress, ingestCorpus } from '../ingest/ingest-pipeline.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { loadCorpus } from '../ingest/load-corpus.js';
import { prepareDocumentsInParallel } from '../ingest/parallel-prepare.js';
import { indexedText } from '../text/indexed-text.js';
import { createJiebaTokenizer } from '../text/jieba-tokenizer.js';
import { loadLexicon } from '../text/lexicon-files.js';
import { mineQuotedTerms } from '../text/quoted-terms.js';
import { EXTRA_EMBEDDER_IDF, EXTRA_MINED_TERMS, type IndexParts } from './index-parts.js';

export interface BuildIndexOptions {
  dirs: string[];
  only?: Set<string>;
  /** Drop what a shared store (PostgreSQL) holds; a local index is always written afresh. */
  rebuild?: boolean;
  /** Tokenize on worker threads and build the vector graph on one (see BuildAssistantOptions). */
  parallel?: boolean;
  onProgress?: IngestProgress;
}

/**
 * Builds a new index from the corpus folders: mines the dictionary terms first (the tokenizer and
 * so the index depend on them), chunks and tokenizes (on worker threads for a large corpus), fits
 * the embedder's idf table, then embeds and stores everything and persists it.
 */
export async function buildIndex(
  config: Config,
  { dirs, only, rebuild = false, parallel = true, onProgress }: BuildIndexOptions,
): Promise<{ parts: IndexParts; report: IngestReport }> {
  const t = performance.now();
  const loaded = await loadCorpus(dirs, {
    only,
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
    enabled: parallel,
  });
  const tokenizeSeconds = (performance.now() - t1) / 1000;
  let idf: IdfTable | undefined;
  const t2 = performance.now();
  // An embedder that weighs its features by idf (the hashing one) is fitted on this corpus.
  if (embedder.fitIdf) {
    const chunks = prepared.flatMap((p) => p.chunks.map(indexedText));
    idf = embedder.fitIdf(chunks, { tokens: prepared.flatMap((p) => p.tokens) });
    embedder = createEmbedder(config.embedder, { tokenizer, idf });
  }
  const fitSeconds = (performance.now() - t2) / 1000;
  // A replica that finds another one's fresh index keeps it; only an explicit rebuild resets.
  const store = await openConfiguredStore(config, {
    identity: indexIdentity(embedder, tokenizer),
    create: true,
    reset: config.store === 'local' || rebuild,
    extras: idf
      ? { [EXTRA_MINED_TERMS]: minedTerms, [EXTRA_EMBEDDER_IDF]: idf }
      : { [EXTRA_MINED_TERMS]: minedTerms },
  });
  // A fresh local index builds its vector graph on a worker thread beside embedding and BM25;
  // only worth it for a corpus big enough to have paid for the tokenizer worker too.
  if (workerSeconds > 0) store.backgroundVectors?.start();
  const report = await ingestCorpus({
    dirs,
    only,
    store,
    tokenizer,
    embedder,
    onProgress,
    loaded: { ...loaded, seconds },
    prepared: new Map(prepared.map((p) => [p.doc.id, p])),
  });
  report.stages.tokenize = (report.stages.tokenize ?? 0) + tokenizeSeconds;
  // Fitting the embedder's idf is part of embedding.
  report.stages.embed = (report.stages.embed ?? 0) + fitSeconds;
  if (workerSeconds > 0) report.stages.tokenizeWorker = workerSeconds;
  return { parts: { tokenizer, embedder, store, minedTerms, idf }, report };
}
