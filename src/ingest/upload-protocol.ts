import type { Chunk, SourceDocument } from '../domain.js';
import type { ErrorCode } from '../errors.js';
import type { UploadInput } from './indexer.js';

/** A job for the upload worker: the staged file and what the admin route knows about it. */
export interface UploadRequest {
  job: number;
  input: Omit<UploadInput, 'bytes'>;
  path: string;
}

/**
 * The main thread took in a `part` of job `ack`: the worker sends the next one only then. Node
 * delivers every message waiting on a port in one go, so parts sent back to back were decoded in
 * one stretch all the same (1.4 s for an 8 MB upload at load average 13, measured 2026-11-30).
 */
export interface UploadAck {
  ack: number;
}

/** One prepared chunk as it travels: tokens packed (see prepare-protocol.ts), the vector as float32. */
export interface PackedChunk {
  chunk: Chunk;
  tokens: string | string[];
  vector: Float32Array;
}

/**
 * Replies of the upload worker. A document's chunks come in `part` messages of at most
 * `CHUNKS_PER_MESSAGE`, each after the `UploadAck` of the one before, then `done`: the main thread
 * decodes a message in one go, so one message of a whole 8 MB upload (~7,000 chunks) held its
 * event loop ~0.5 s (measured 2026-11-30).
 */
export type UploadReply =
  | { type: 'ready'; preparedWith: string }
  | { type: 'part'; job: number; chunks: PackedChunk[] }
  | { type: 'done'; job: number; doc: SourceDocument }
  | { type: 'failed'; job: number; code?: ErrorCode; message: string };

/**
 * Chunks per `part` message. Decoding and unpacking one chunk costs ~70 µs on the main thread here
 * (538 ms for ~7,000 at load average 10), so 200 keep a message near 15 ms.
 */
export const CHUNKS_PER_MESSAGE = 200;
