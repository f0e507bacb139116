import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. The project runs under tsx, whose loader hooks do
 * not reach worker threads by themselves (Node 20: "Unknown file extension .ts"), so the worker
 * registers tsx first, then imports the module. Under vitest the same works.
 */
export function startTsWorker(url: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
