import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

/** The project root (two folders up from this file), where `tsx` resolves. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The environment a child service or loader needs to open the index the bench built: only what
 * the bench decides (the child's config comes from these variables alone, offline providers).
 */
export function childEnv(config: Config, extra: Record<string, string> = {}): Record<string, string> {
  if (config.embedder.kind !== 'hashing')
    throw new Error('bench: only the offline hashing embedder is supported');
  return {
    INDEX_DIR: config.indexDir,
    CORPUS_DIRS: config.corpusDirs.join(','),
    DATA_DIR: config.dataDir,
    UPLOAD_DIR: config.uploadDir,
    EMBEDDER: 'hashing',
    EMBEDDING_DIMENSIONS: String(config.embedder.dimensions),
    CHAT_PROVIDER: 'extractive',
    RETRIEVAL_K: String(config.retrievalK),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
    STORE: config.store,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    ...extra,
  };
}

/** Starts `node --import tsx <script> ...args` from the project root. */
export function spawnTsx(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a child to its end and returns its stdout; rejects with its stderr when it fails. */
export function runToEnd(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

/** A TCP port free on 127.0.0.1 right now (the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200 or `timeoutMs` passes. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`bench: ${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops a child we started, by its own handle, and waits for it to exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
