import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireIndexLock, LOCK_FILE } from '../../src/index/index-lock.js';
import { type ServiceProcess, startServiceProcess } from './service-process.js';

/**
 * Issue 14 item 1: one writer per index directory. Real processes on one index: the service
 * (`src/cli/serve.ts`), the CLI ingest as a child process, and a lock holder that is kill -9'd.
 * On the old main the service wrote its stale in-memory index back over an ingest's work, and an
 * upload during an ingest was lost; here every document survives, in either order.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'one-writer-admin-token';
const run = promisify(execFile);

let tmp: string;
let indexDir: string;
let corpusDir: string;
let svc: ServiceProcess;

const env = () => ({ PATH: process.env.PATH ?? '', DATA_DIR: join(tmp, 'data-cli'), LOG_LEVEL: 'silent' });
const ingestArgs = () => [
  '--import',
  'tsx',
  'src/cli/ingest.ts',
  '--corpus',
  join(ROOT, 'seeds'),
  '--corpus',
  corpusDir,
  '--index',
  indexDir,
];

async function seedVariants(folder: string, prefix: string, count: number): Promise<void> {
  const seeds = await readdir(join(ROOT, 'seeds'));
  const seed = await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8');
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    await writeFile(
      join(folder, `${prefix}-${i}.txt`),
      `${prefix} 第${i}号通知\n${seed}\n附：编号 ${prefix}${i}。`,
    );
  }
}

/** Documents in the committed generation on disk (its manifest), and as the service serves them. */
async function countOnDisk(): Promise<number> {
  const gen = (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();
  const manifest = JSON.parse(await readFile(join(indexDir, gen, 'manifest.json'), 'utf8'));
  return manifest.counts.documents;
}
async function countServed(): Promise<number> {
  const ready = (await (await fetch(`${svc.base}/readyz`)).json()) as { documents: number };
  return ready.documents;
}

function upload(id: string, text: string): Promise<Response> {
  return fetch(`${svc.base}/api/admin/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ id, text }),
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hardening-writer-'));
  indexDir = join(tmp, 'index');
  corpusDir = join(tmp, 'corpus');
  await mkdir(join(corpusDir, 'uploads'), { recursive: true });
  svc = await startServiceProcess({
    INDEX_DIR: indexDir,
    DATA_DIR: join(tmp, 'data'),
    UPLOAD_DIR: join(corpusDir, 'uploads'),
    CORPUS_DIRS: join(ROOT, 'seeds'),
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
    INDEX_WATCH_MS: '200',
    INDEX_LOCK_WAIT_MS: '120000',
  });
}, 120_000);

afterAll(async () => {
  await svc?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('a CLI ingest while the service runs', () => {
  it('is loaded by the service, and a later upload keeps every ingested document', async () => {
    expect(await countServed()).toBe(1);
    await seedVariants(join(corpusDir, 'batch-a'), 'a', 40);
    const { stdout } = await run(process.execPath, ingestArgs(), { cwd: ROOT, env: env() });
    expect(stdout).toMatch(/新增 added: 40\s/);
    expect(await countOnDisk()).toBe(41);
    // The service notices the generation the ingest committed and serves it, without a write.
    await until('the service to reload', async () => (await countServed()) === 41);
    expect(svc.output()).toContain('"msg":"index reloaded"');

    const res = await upload('after-ingest', '关于受理时限的通知。办理时限为5个工作日。');
    expect(res.status).toBe(201);
    expect(await countServed()).toBe(42);
    expect(await countOnDisk()).toBe(42);
  }, 120_000);
});

describe('an upload during a CLI ingest', () => {
  it('waits for the ingest to finish, then adds to its work: nothing lost', async () => {
    await seedVariants(join(corpusDir, 'batch-b'), 'b', 400);
    const child = spawn(process.execPath, ingestArgs(), {
      cwd: ROOT,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The ingest holds the lock from before it reads the index until it has committed.
    await until('the ingest to take the lock', async () => {
      const owner = await readFile(join(indexDir, LOCK_FILE), 'utf8').catch(() => '');
      return owner.includes(`"pid":${child.pid},`);
    });
    const res = await upload('during-ingest', '关于办理地点的通知。办理地点为市民中心。');
    const body = await res.text();
    expect(await exited).toBe(0);
    expect(res.status, body).toBe(201);
    expect(out).toMatch(/新增 added: 400\s/);
    // 1 seed + 40 + 1 upload before, 400 ingested, 1 uploaded during the ingest.
    expect(await countOnDisk()).toBe(443);
    expect(await countServed()).toBe(443);
    const doc = await fetch(`${svc.base}/api/documents/during-ingest`);
    expect(doc.status).toBe(200);
  }, 180_000);
});

describe('a second writer', () => {
  let holder: ChildProcess | undefined;
  afterAll(() => {
    if (holder?.exitCode === null) holder.kill('SIGKILL');
  });

  it('fails with INDEX_LOCKED naming the holder, and takes over once the holder is killed -9', async () => {
    const dir = join(tmp, 'locked-index');
    holder = spawn(process.execPath, ['--import', 'tsx', 'test/hardening/hold-index-lock.ts', dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let said = '';
    holder.stdout?.setEncoding('utf8').on('data', (d: string) => (said += d));
    await until('the holder to take the lock', async () => said.includes('held'));
    const pid = holder.pid as number;

    // The CLI ingest, as a second writer, waits briefly and fails naming the holder.
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', join(ROOT, 'seeds'), '--index', dir],
      { cwd: ROOT, env: { ...env(), INDEX_LOCK_WAIT_MS: '300' } },
    ).catch((err: { code: number; stderr: string }) => err);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('INDEX_LOCKED');
    expect((failed as { stderr: string }).stderr).toContain(`pid ${pid}`);
    expect((failed as { stderr: string }).stderr).toContain('test holder');

    // In this process too, with the code and a Retry-After for HTTP callers.
    await expect(acquireIndexLock(dir, { purpose: 'test', waitMs: 200 })).rejects.toMatchObject({
      code: 'INDEX_LOCKED',
      headers: { 'retry-after': '1' },
    });

    // kill -9 leaves the lock file behind; its owner is gone, so the next writer takes over.
    const gone = new Promise((resolve) => holder?.on('exit', resolve));
    holder.kill('SIGKILL');
    await gone;
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toContain(`"pid":${pid},`);
    const lock = await acquireIndexLock(dir, { purpose: 'test', waitMs: 0 });
    expect(lock.owner.pid).toBe(process.pid);
    await lock.release();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
