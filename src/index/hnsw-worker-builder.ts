import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { HnswBuildMessage, HnswBuildReply } from './hnsw-build-worker.js';
import { type HnswParams, HnswVectorIndex } from './hnsw-index.js';
import { startTsWorker } from './ts-worker.js';

/**
 * Vectors sent to the worker per message. Large enough that messaging costs nothing next to the
 * inserts (~1 ms each here), small enough that the worker starts while the main thread embeds.
 */
const SEND_EVERY = 512;

/**
 * Builds an HNSW graph on a worker thread: the main thread hands over vectors (in insertion
 * order) and goes on with BM25 and the rest of ingest; `finish` waits for the graph and loads it.
 * Inserting into HNSW is the largest single cost of a full build (~1,000 inserts/s on one core),
 * and it is the one stage that can run beside the others once vectors exist.
 */
export class HnswWorkerBuilder {
  private readonly worker: Worker;
  private readonly dimensions: number;
  private readonly params: HnswParams;
  private labels: number[] = [];
  private vectors: number[][] = [];
  private failure: Error | undefined;
  private replies: ((reply: HnswBuildReply) => void)[] = [];

  constructor(dimensions: number, params: HnswParams) {
    this.dimensions = dimensions;
    this.params = params;
    this.worker = startTsWorker(new URL('./hnsw-build-worker.ts', import.meta.url), { dimensions, params });
    this.worker.on('message', (reply: HnswBuildReply) => {
      if (reply.type === 'failed') this.failure ??= new Error(`hnsw build worker: ${reply.message}`);
      else this.replies.shift()?.(reply);
    });
    this.worker.on('error', (err) => {
      this.failure ??= err;
      for (const r of this.replies.splice(0)) r({ type: 'failed', message: err.message });
    });
  }

  add(label: number, vector: readonly number[]): void {
    if (this.failure) throw this.failure;
    this.labels.push(label);
    this.vectors.push(vector as number[]);
    if (this.labels.length >= SEND_EVERY) this.send();
  }

  remove(label: number): void {
    this.send();
    this.post({ type: 'remove', labels: [label] });
  }

  /**
   * Waits for every insert, has the worker write the graph to `file`, and reads it back with the
   * live labels. Returns the graph and the seconds the worker spent building it.
   */
  async finish(
    file: string,
    liveLabels: Iterable<number>,
  ): Promise<{ index: HnswVectorIndex; seconds: number }> {
    this.send();
    try {
      const reply = await new Promise<HnswBuildReply>((resolve) => {
        this.replies.push(resolve);
        this.post({ type: 'save', file });
      });
      if (this.failure) throw this.failure;
      if (reply.type === 'failed') throw new Error(`hnsw build worker: ${reply.message}`);
      const index = await HnswVectorIndex.load(file, this.dimensions, this.params, liveLabels);
      return { index, seconds: reply.seconds };
    } finally {
      await this.worker.terminate();
      await rm(file, { force: true });
    }
  }

  /** Stops the worker without a graph (the build failed elsewhere). */
  async abandon(): Promise<void> {
    await this.worker.terminate();
  }

  private send(): void {
    if (this.labels.length === 0) return;
    const vectors = new Float32Array(this.labels.length * this.dimensions);
    this.vectors.forEach((v, i) => {
      vectors.set(v, i * this.dimensions);
    });
    this.post({ type: 'add', labels: this.labels, vectors }, [vectors.buffer]);
    this.labels = [];
    this.vectors = [];
  }

  private post(message: HnswBuildMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
