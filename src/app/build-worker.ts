// A worker thread that builds the first index of a service (see build-in-worker.ts): the whole
// ingest (load, chunk, tokenize, embed, index, write) runs here, so the service's event loop keeps
// answering /healthz and /readyz. The index is written to disk; the service then loads it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { isAppError } from '../errors.js';
import { buildAssistant } from './build-assistant.js';
import type { BuildReply } from './build-in-worker.js';

const port = parentPort;
if (!port) throw new Error('build-worker must run in a worker thread');
const { config } = workerData as { config: Config };
try {
  const built = await buildAssistant(config, {
    onProgress: (stage, done, total) =>
      port.postMessage({ type: 'progress', stage, done, total } satisfies BuildReply),
    log: (message, fields) => port.postMessage({ type: 'log', message, fields } satisfies BuildReply),
  });
  await built.close();
  port.postMessage({ type: 'done' } satisfies BuildReply);
} catch (err) {
  port.postMessage({
    type: 'failed',
    code: isAppError(err) ? err.code : undefined,
    message: err instanceof Error ? err.message : String(err),
  } satisfies BuildReply);
}
