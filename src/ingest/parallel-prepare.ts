import type { SourceDocument } from '../domain.js';
import { startTsWorker } from '../index/ts-worker.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { type IngestProgress, type PreparedDocument, prepareDocuments } from './ingest-pipeline.js';
import { type PrepareReply, unpackTokens } from './prepare-protocol.js';

/**
 * Below this much text a worker does not pay for itself: it loads its own jieba dictionary
 * (2–6 s and ~300 MB here, in parallel with the main thread's own lazy load). The main thread cuts
 * ~0.2–0.5 M characters/s here; the full shared corpus is ~10 M characters (31 MB of UTF-8).
 */
const PARALLEL_MIN_CHARS = 1_000_000;
/**
 * Characters per batch handed out (documents are never split). Batches by size, not by count:
 * document sizes vary 100×, and equal-count batches left one thread idle at the end. 50k characters
 * take ~0.1–0.25 s to cut here, so both threads finish within about that of each other.
 */
const BATCH_CHARS = 50_000;
/** Batches queued at the worker, so it never waits for the busy main thread to hand out work. */
const WORKER_QUEUE = 3;

export interface ParallelPrepareOptions {
  /** The extra dictionary terms `tokenizer` was made with; the worker makes its own from them. */
  extraTerms: readonly string[];
  /** The staff lexicon files (LEXICON_FILES) `tokenizer` was made with, for the worker's dictionary. */
  lexiconFiles?: readonly string[];
  onProgress?: IngestProgress;
  /** Use a worker regardless of the corpus size (tests). */
  force?: boolean;
  /** false: never use a worker. Default true. */
  enabled?: boolean;
  /** false: the main thread only waits, the worker does every batch (tests). Default true. */
  mainThreadWorks?: boolean;
}

/**
 * `prepareDocuments` on two threads: the main thread and one worker thread take batches of
 * documents from one queue. On 2 cores one worker is the sweet spot: a second would compete with
 * the main thread and cost another dictionary. The result is in document order and identical to
 * `prepareDocuments` (same chunker, same dictionary, checked by tokenizer id). If the worker
 * cannot start or fails, the main thread does the rest.
 */
export async function prepareDocumentsInParallel(
  docs: SourceDocument[],
  tokenizer: Tokenizer,
  {
    extraTerms,
    lexiconFiles = [],
    onProgress,
    force = false,
    enabled = true,
    mainThreadWorks = true,
  }: ParallelPrepareOptions,
): Promise<{ prepared: PreparedDocument[]; workerSeconds: number }> {
  let chars = 0;
  for (const d of docs) chars += d.text.length;
  if (!enabled || (!force && chars < PARALLEL_MIN_CHARS)) {
    return { prepared: prepareDocuments(docs, tokenizer, onProgress), workerSeconds: 0 };
  }

  const batches: SourceDocument[][] = [];
  let current: SourceDocument[] = [];
  let size = 0;
  for (const doc of docs) {
    current.push(doc);
    size += doc.text.length;
    if (size >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  const results: PreparedDocument[][] = new Array(batches.length);
  const todo: number[] = batches.map((_, i) => i);
  const atWorker = new Set<number>();
  let finished = 0;
  let workerSeconds = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const worker = startTsWorker(new URL('./prepare-worker.ts', import.meta.url), {
    extraTerms: [...extraTerms],
    lexiconFiles: [...lexiconFiles],
  });
  let workerReady = false;
  let workerAlive = true;
  const feedWorker = () => {
    while (workerReady && workerAlive && atWorker.size < WORKER_QUEUE && todo.length > 0) {
      // The worker takes from the back, the main thread from the front: neither waits on the other.
      const id = todo.pop() as number;
      atWorker.add(id);
      worker.postMessage({ type: 'batch', id, docs: batches[id] });
    }
  };
  // A worker that fails (or cannot start) hands its unfinished batches back to the main thread.
  const workerDown = () => {
    if (!workerAlive) return;
    workerAlive = false;
    todo.push(...atWorker);
    atWorker.clear();
    notify();
  };
  worker.on('message', (reply: PrepareReply) => {
    if (reply.type === 'ready') {
      if (reply.tokenizerId !== tokenizer.id) {
        // A different dictionary would give different terms: never mix them.
        workerDown();
        void worker.terminate();
        return;
      }
      workerReady = true;
      feedWorker();
      return;
    }
    atWorker.delete(reply.id);
    workerSeconds += reply.seconds;
    results[reply.id] = reply.docs.map((d, j) => ({
      doc: batches[reply.id][j],
      chunks: d.chunks,
      tokens: d.tokens.map(unpackTokens),
    }));
    finished += 1;
    onProgress?.('tokenize', finished, batches.length);
    feedWorker();
    notify();
  });
  worker.on('error', () => workerDown());
  worker.on('exit', () => workerDown());

  try {
    while (finished < batches.length) {
      const id = mainThreadWorks || !workerAlive ? todo.shift() : undefined;
      if (id !== undefined) {
        results[id] = prepareDocuments(batches[id], tokenizer);
        finished += 1;
        onProgress?.('tokenize', finished, batches.length);
        // Let the worker's replies in, and hand it more work.
        await new Promise<void>((resolve) => setImmediate(resolve));
        feedWorker();
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    workerAlive = false;
    await worker.terminate();
  }
  return { prepared: results.flat(), workerSeconds };
}
