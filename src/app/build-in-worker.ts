import type { Config } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import { startTsWorker } from '../index/ts-worker.js';
import type { IngestProgress } from '../ingest/ingest-pipeline.js';

/** Messages from the build worker. */
export type BuildReply =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'log'; message: string; fields?: Record<string, unknown> }
  | { type: 'done' }
  | { type: 'failed'; code?: ErrorCode; message: string };

/**
 * Builds the index the config names on a worker thread and waits for it (the first start of a
 * service: measured 2026-11-30, a first build held /healthz unanswered for up to 17.7 s when it ran
 * on the main thread). Errors come back with their code (INDEX_LOCKED, DOCUMENT_UNREADABLE, …).
 */
export function buildIndexInWorker(
  config: Config,
  {
    onProgress,
    log,
  }: { onProgress?: IngestProgress; log?: (message: string, fields?: Record<string, unknown>) => void },
): Promise<void> {
  const worker = startTsWorker(new URL('./build-worker.ts', import.meta.url), { config });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    worker.on('message', (reply: BuildReply) => {
      if (reply.type === 'progress') onProgress?.(reply.stage, reply.done, reply.total);
      else if (reply.type === 'log') log?.(reply.message, reply.fields);
      else {
        settled = true;
        void worker.terminate();
        if (reply.type === 'done') resolve();
        else reject(reply.code ? new AppError(reply.code, reply.message) : new Error(reply.message));
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`index build worker exited with code ${code}`));
      settled = true;
    });
  });
}
