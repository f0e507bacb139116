import { AppError } from '../errors.js';

/**
 * The error a loader throws for a file it cannot read. The message is the user-facing reason,
 * Chinese then English, e.g. "PDF 文件已损坏 (broken or truncated PDF)"; `loadCorpus` turns it into a
 * `SkippedFile` and goes on with the other files.
 */
export function unreadable(reason: string, cause?: unknown): AppError {
  return new AppError('DOCUMENT_UNREADABLE', reason, { cause });
}
