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
  type UploadReply,
  type UploadRequest,
} from './upload-protocol.js';

const port = parentPort;
if (!port) throw new Error('upload-worker must run in a worker thread');
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
// Load the dictionary now (jieba loads lazily), so the first upload is not slow.
tokenizer.tokenize('政务服务');
const embedder = createEmbedder(embedderConfig, { tokenizer, idf });
port.postMessage({ type: 'ready', preparedWith: `${tokenizer.id}|${embedder.id}` } satisfies UploadReply);

port.on('message', async ({ job, input, path }: UploadRequest) => {
  try {
    const doc = await readUpload(input as Omit<UploadInput, 'bytes'>, path);
    const chunks = await indexedChunksOf(doc, tokenizer, embedder);
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_MESSAGE) {
      const part: PackedChunk[] = chunks.slice(i, i + CHUNKS_PER_MESSAGE).map((c) => ({
        chunk: c.chunk,
        tokens: packTokens(c.tokens),
        vector: Float32Array.from(c.vector),
      }));
      port.postMessage(
        { type: 'part', job, chunks: part } satisfies UploadReply,
        part.map((c) => c.vector.buffer as ArrayBuffer),
      );
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
});
