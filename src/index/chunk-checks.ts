import { AppError } from '../errors.js';
import type { IndexedChunk } from './search-store.js';

/** A vector of another size than the index's: INDEX_MISMATCH naming `what` (a chunk, a query). */
export function assertVectorSize(what: string, vector: readonly number[], dimensions: number): void {
  if (vector.length !== dimensions) {
    throw new AppError(
      'INDEX_MISMATCH',
      `${what}: 向量为 ${vector.length} 维, 索引为 ${dimensions} 维 (vector size differs from the index)`,
    );
  }
}

/** A chunk handed in under another document than its own: a programming error, not bad input. */
export function assertChunkOf(docId: string, { chunk }: IndexedChunk): void {
  if (chunk.docId !== docId) throw new Error(`chunk ${chunk.id} belongs to ${chunk.docId}, not ${docId}`);
}
