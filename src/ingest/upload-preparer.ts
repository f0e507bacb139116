import type { Worker } from 'node:worker_threads';
import type { EmbedderConfig } from '../config.js';
import type { SourceDocument } from '../domain.js';
import { AppError } from '../errors.js';
import type { IdfTable } from '../index/idf-table.js';
import type { IndexedChunk } from '../index/search-store.js';
import { startTsWorker } from '../index/ts-worker.js';
import type { UploadInput } from './indexer.js';
import { unpackTokens } from './prepare-protocol.js';
import type { UploadAck, UploadReply } from './upload-protocol.js';

/**
 * How long the upload worker stays up without work, ms. It holds its own jieba dictionary
 * (~2–6 s to load, ~300 MB here), so it is kept for a burst of uploads and let go after one.
 */
const IDLE_MS = 60_000;

export interface UploadPreparerOptions {
  /** The dictionary terms of the index's tokenizer. */
  extraTerms: readonly string[];
  embedder: EmbedderConfig;
  /** The hashing embedder's idf table, from the index. */
  idf?: IdfTable;
  /** `${tokenizer.id}|${embedder.id}` of the main thread: the worker's must be the same. */
  preparedWith: string;
}

interface Pending {
  resolve(value: { doc: SourceDocument; chunks: IndexedChunk[] } | undefined): void;
  reject(err: unknown): void;
  /** Chunks received so far, decoded one `part` message at a time. */
  chunks: IndexedChunk[];
}

/**
 * Reads, chunks, tokenizes and embeds uploads on a worker thread started on first use. `prepare`
 * resolves undefined when the worker cannot do it the main thread's way (it failed to start, or
 * made another tokenizer): the caller then does the work itself.
 */
export class UploadPreparer {
  private worker: Worker | undefined;
  private ready: Promise<boolean> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly options: UploadPreparerOptions) {}

  async prepare(
    input: Omit<UploadInput, 'bytes'>,
    path: string,
  ): Promise<{ doc: SourceDocument; chunks: IndexedChunk[] } | undefined> {
    clearTimeout(this.idle);
    if (!(await this.start())) return undefined;
    const worker = this.worker as Worker;
    const job = this.nextJob++;
    try {
      return await new Promise((resolve, reject) => {
        this.pending.set(job, { resolve, reject, chunks: [] });
        worker.postMessage({ job, input, path });
      });
    } finally {
      this.pending.delete(job);
      if (this.pending.size === 0) {
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.failAll();
    await worker?.terminate();
  }

  private start(): Promise<boolean> {
    if (this.ready) return this.ready;
    const { extraTerms, embedder, idf, preparedWith } = this.options;
    const worker = startTsWorker(new URL('./upload-worker.ts', import.meta.url), {
      extraTerms: [...extraTerms],
      embedder,
      idf,
    });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<boolean>((resolve) => {
      worker.on('message', (reply: UploadReply) => {
        if (reply.type === 'ready') {
          // Another dictionary or embedder would index other terms: never mix them.
          if (reply.preparedWith !== preparedWith) {
            resolve(false);
            void worker.terminate();
          } else resolve(true);
          return;
        }
        const pending = this.pending.get(reply.job);
        // The next part comes once this one is taken in, a turn of the event loop later.
        if (reply.type === 'part')
          setImmediate(() => worker.postMessage({ ack: reply.job } satisfies UploadAck));
        if (!pending) return;
        if (reply.type === 'failed') {
          pending.reject(
            reply.code
              ? new AppError(reply.code, reply.message)
              : new Error(`upload worker: ${reply.message}`),
          );
          return;
        }
        if (reply.type === 'part') {
          for (const c of reply.chunks) {
            pending.chunks.push({
              chunk: c.chunk,
              tokens: unpackTokens(c.tokens),
              vector: Array.from(c.vector),
            });
          }
          return;
        }
        pending.resolve({ doc: reply.doc, chunks: pending.chunks });
      });
      const down = () => {
        resolve(false);
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
        this.failAll();
      };
      worker.on('error', down);
      worker.on('exit', down);
    });
    return this.ready;
  }

  /** Jobs in flight when the worker went away are done on the main thread instead. */
  private failAll(): void {
    for (const p of this.pending.values()) p.resolve(undefined);
    this.pending.clear();
  }
}
