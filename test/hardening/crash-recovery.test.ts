import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../src/app/start-service.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';

/**
 * `kill -9` during `npm run ingest` leaves the previous index loadable and served; a corrupted
 * index file gives INDEX_CORRUPT naming the file, and the documented recovery (delete the index
 * directory, run `npm run ingest` again) works. Real processes, real files.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const FIVE_G = '2025年青岛5G基站要建多少个？';
const run = promisify(execFile);

let tmp: string;
let indexDir: string;

const ingestArgs = (...corpus: string[]) => [
  '--import',
  'tsx',
  'src/cli/ingest.ts',
  ...corpus.flatMap((c) => ['--corpus', c]),
  '--index',
  indexDir,
];
const env = () => ({ PATH: process.env.PATH, DATA_DIR: join(tmp, 'data') });

/** The service in this process over `indexDir` (seeds as its corpus, so nothing else is added). */
async function serve(logs: string[]): Promise<RunningService> {
  const config = loadConfig({
    PORT: '0',
    INDEX_DIR: indexDir,
    DATA_DIR: join(tmp, 'data'),
    UPLOAD_DIR: join(tmp, 'uploads'),
    CORPUS_DIRS: join(ROOT, 'seeds'),
    RATE_LIMIT_PER_MINUTE: '0',
  });
  return startService(config, createLogger({ level: 'info', sink: (l) => logs.push(l) }));
}

async function askOver(service: RunningService, question: string) {
  const { port } = service.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hardening-crash-'));
  indexDir = join(tmp, 'index');
  const first = await run(process.execPath, ingestArgs(join(ROOT, 'seeds')), { cwd: ROOT, env: env() });
  expect(first.stdout).toMatch(/文档 documents: 1\s/);
  // A batch big enough to be caught mid-way: 600 variants of the seed document.
  const seed = await readFile(join(ROOT, 'seeds', (await readdir(join(ROOT, 'seeds')))[0]), 'utf8');
  await mkdir(join(tmp, 'batch'));
  for (let i = 0; i < 600; i++) {
    await writeFile(join(tmp, 'batch', `copy-${i}.txt`), `第${i}号通知\n${seed}\n附：编号 ${i}。`);
  }
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('kill -9 during ingestion', () => {
  it('leaves the previous index loadable and served', async () => {
    const before = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
    // A big re-ingest (600 more documents) killed once it is under way.
    const child: ChildProcess = spawn(process.execPath, ingestArgs(join(ROOT, 'seeds'), join(tmp, 'batch')), {
      cwd: ROOT,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let progress = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (progress += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (progress += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    // Kill in the middle of the work: after chunking has begun on a large batch.
    while (!/(tokenize|chunk|embed|index)\w*: \d+\/\d+ \([1-9]\d?%\)/.test(progress)) {
      if (child.exitCode !== null) throw new Error(`ingest ended before it could be killed:\n${progress}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(progress).not.toContain('索引 index:'); // it never finished

    expect((await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim()).toBe(before);
    const logs: string[] = [];
    const service = await serve(logs);
    try {
      await service.ready;
      const { status, body } = await askOver(service, FIVE_G);
      expect(status).toBe(200);
      expect(body.answer).toContain('4.5万');
      expect(service.state.status).toBe('ready');
    } finally {
      await service.close();
    }
  }, 120_000);
});

describe('a corrupted index file', () => {
  it('gives INDEX_CORRUPT naming the file; the service stays up answering 503 until recovered', async () => {
    const gen = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
    const file = join(indexDir, gen, 'chunks.json');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const logs: string[] = [];
    const service = await serve(logs);
    try {
      await expect(service.ready).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
      const failure = logs.find((l) => l.includes('"msg":"index load failed"')) ?? '';
      expect(failure).toContain('INDEX_CORRUPT');
      expect(failure).toContain(file);
      expect(failure).toContain('npm run ingest');
      const { port } = service.server.address() as { port: number };
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      const asked = await askOver(service, FIVE_G);
      expect(asked.status).toBe(503);
      expect(asked.body.code).toBe('INDEX_NOT_READY');
    } finally {
      await service.close();
    }

    // The CLI says the same, then the documented recovery: delete the index, ingest again.
    const failed = await run(process.execPath, ingestArgs(join(ROOT, 'seeds')), {
      cwd: ROOT,
      env: env(),
    }).catch((err: { stderr: string; code: number }) => err);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain(`INDEX_CORRUPT`);
    expect((failed as { stderr: string }).stderr).toContain(file);
    await rm(indexDir, { recursive: true, force: true });
    const again = await run(process.execPath, ingestArgs(join(ROOT, 'seeds')), { cwd: ROOT, env: env() });
    expect(again.stdout).toMatch(/文档 documents: 1\s/);
    expect(await readdir(indexDir)).toContain('CURRENT');
    const recovered = await serve([]);
    try {
      await recovered.ready;
      expect((await askOver(recovered, FIVE_G)).body.answer).toContain('4.5万');
    } finally {
      await recovered.close();
    }
  }, 120_000);
});
