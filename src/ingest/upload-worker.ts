// A worker thread that reads, chunks, tokenizes and embeds uploads (see upload-preparer.ts), so
// that an 8 MB upload never holds the service's event loop. It makes its own tokenizer and
// embedder from the index's dictionary terms and idf table; the ids it reports must match the
// main thread's, or its work is not used.
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbedderConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { createEmbedder } from '../index/create-embedder.js';
import type { IdfTable } from '../index/idf-table.js';
import { createJiebaTokenizer } from '../text/jieba-tokenizer.js';
import type { UploadInput } from './indexer.js';
import { indexedChunksOf } from './ingest-pipeline.js';
import { packTokens } from './prepare-protocol.js';
import { readUpload } from './read-upload.js';
import {
  CHUNKS_PER_MESSAGE,
  type PackedChunk,
  type UploadAck,
  type UploadReply,
  type UploadRequest,
} from './upload-protocol.js';

if (!parentPort) throw new Error('upload-worker must run in a worker thread');
const port = parentPort;
const {
  extraTerms,
  embedder: embedderConfig,
  idf,
} = workerData as {
  extraTerms: string[];
  embedder: EmbedderConfig;
  idf?: IdfTable;
};
const tokenizer = createJiebaTokenizer({ extraTerms });
// Load the whole dictionary now (jieba loads lazily), so the first upload is not slow.
tokenizer.loadDictionary();
const embedder = createEmbedder(embedderConfig, { tokenizer, idf });
port.postMessage({ type: 'ready', preparedWith: `${tokenizer.id}|${embedder.id}` } satisfies UploadReply);

/** Jobs waiting for the main thread to take in their last part (see `UploadAck`). */
const waiting = new Map<number, () => void>();

port.on('message', (message: UploadRequest | UploadAck) => {
  if ('ack' in message) {
    waiting.get(message.ack)?.();
    waiting.delete(message.ack);
  } else void prepare(message);
});

async function prepare({ job, input, path }: UploadRequest): Promise<void> {
  try {
    const doc = await readUpload(input as Omit<UploadInput, 'bytes'>, path);
    const chunks = await indexedChunksOf(doc, tokenizer, embedder);
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_MESSAGE) {
      const part: PackedChunk[] = chunks.slice(i, i + CHUNKS_PER_MESSAGE).map((c) => ({
        chunk: c.chunk,
        tokens: packTokens(c.tokens),
        vector: Float32Array.from(c.vector),
      }));
      const taken = new Promise<void>((resolve) => waiting.set(job, resolve));
      port.postMessage(
        { type: 'part', job, chunks: part } satisfies UploadReply,
        part.map((c) => c.vector.buffer as ArrayBuffer),
      );
      await taken;
    }
    port.postMessage({ type: 'done', job, doc } satisfies UploadReply);
  } catch (err) {
    port.postMessage({
      type: 'failed',
      job,
      code: isAppError(err) ? err.code : undefined,
      message: err instanceof Error ? err.message : String(err),
    } satisfies UploadReply);
  }
}
