// A worker thread that builds an HNSW graph while the main thread does the rest of ingest (see
// hnsw-worker-builder.ts). It uses the same HnswVectorIndex, inserts in the order it receives,
// and writes the graph to a file the main thread then reads: the graph is the one a main-thread
// build would make.
import { parentPort, workerData } from 'node:worker_threads';
import { type HnswParams, HnswVectorIndex } from './hnsw-index.js';

export type HnswBuildMessage =
  | { type: 'add'; labels: number[]; vectors: Float32Array }
  | { type: 'remove'; labels: number[] }
  | { type: 'save'; file: string };

export type HnswBuildReply = { type: 'saved'; seconds: number } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('hnsw-build-worker must run in a worker thread');
const { dimensions, params } = workerData as { dimensions: number; params: HnswParams };
const index = HnswVectorIndex.create(dimensions, params);
let busy = 0;

port.on('message', (message: HnswBuildMessage) => {
  const t = performance.now();
  try {
    if (message.type === 'add') {
      const { labels, vectors } = message;
      for (let i = 0; i < labels.length; i += 1) {
        // Back to doubles: each float32 value converts exactly, so hnswlib stores the same floats.
        index.add(labels[i], Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)));
      }
    } else if (message.type === 'remove') {
      for (const label of message.labels) index.remove(label);
    } else {
      index.save(message.file);
      busy += performance.now() - t;
      port.postMessage({ type: 'saved', seconds: busy / 1000 } satisfies HnswBuildReply);
      return;
    }
  } catch (err) {
    port.postMessage({ type: 'failed', message: (err as Error).message } satisfies HnswBuildReply);
  }
  busy += performance.now() - t;
});
