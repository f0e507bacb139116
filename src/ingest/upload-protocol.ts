import type { Chunk, SourceDocument } from '../domain.js';
import type { ErrorCode } from '../errors.js';
import type { UploadInput } from './indexer.js';

/** A job for the upload worker: the staged file and what the admin route knows about it. */
export interface UploadRequest {
  job: number;
  input: Omit<UploadInput, 'bytes'>;
  path: string;
}

/** Replies of the upload worker. Tokens travel packed (see prepare-protocol.ts), vectors as float32. */
export type UploadReply =
  | { type: 'ready'; preparedWith: string }
  | {
      type: 'done';
      job: number;
      doc: SourceDocument;
      chunks: { chunk: Chunk; tokens: string | string[]; vector: Float32Array }[];
    }
  | { type: 'failed'; job: number; code?: ErrorCode; message: string };
