import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, startServiceProcess } from './service-process.js';

/**
 * Issue 14 item 4: an upload that arrives while another process (a long CLI ingest) holds the
 * index's write lock for longer than INDEX_LOCK_WAIT_MS fails, and says who holds the lock and
 * when to try again; it keeps nothing. Real processes: the service and a lock holder.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'upload-while-locked-token';
let tmp: string;
let svc: ServiceProcess;
let holder: ChildProcess | undefined;

function upload(id: string): Promise<Response> {
  return fetch(`${svc.base}/api/admin/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ id, text: '关于办理时限的通知。办理时限为5个工作日。' }),
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'upload-locked-'));
  await mkdir(join(tmp, 'uploads'), { recursive: true });
  svc = await startServiceProcess({
    INDEX_DIR: join(tmp, 'index'),
    DATA_DIR: join(tmp, 'data'),
    UPLOAD_DIR: join(tmp, 'uploads'),
    CORPUS_DIRS: join(ROOT, 'seeds'),
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
    INDEX_LOCK_WAIT_MS: '1500',
  });
}, 120_000);

afterAll(async () => {
  if (holder?.exitCode === null) holder.kill('SIGKILL');
  await svc?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('an upload while a CLI ingest holds the lock longer than INDEX_LOCK_WAIT_MS', () => {
  it('is 503 INDEX_LOCKED naming the holder, with Retry-After, and keeps nothing', async () => {
    holder = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/hardening/hold-index-lock.ts', join(tmp, 'index'), 'ingest'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let said = '';
    holder.stdout?.setEncoding('utf8').on('data', (d: string) => (said += d));
    const deadline = Date.now() + 30_000;
    while (!said.includes('held')) {
      if (Date.now() > deadline || holder.exitCode !== null)
        throw new Error('the holder did not take the lock');
      await new Promise((r) => setTimeout(r, 50));
    }

    const started = Date.now();
    const res = await upload('during-long-ingest');
    const waited = Date.now() - started;
    const problem = (await res.json()) as { code: string; detail: string };
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.code).toBe('INDEX_LOCKED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Who holds it and what it is doing, so an operator knows what to wait for.
    expect(problem.detail).toContain(`pid ${holder.pid}`);
    expect(problem.detail).toContain('(ingest, since ');
    expect(problem.detail).toContain(join(tmp, 'index'));
    // It waited for the lock first (INDEX_LOCK_WAIT_MS), then gave up.
    expect(waited).toBeGreaterThanOrEqual(1400);
    // Nothing kept: no file, no staged copy, not served.
    expect(await readdir(join(tmp, 'uploads'))).not.toContain('during-long-ingest.txt');
    expect(await readdir(join(tmp, 'uploads', '.staging')).catch(() => [])).toEqual([]);
    expect((await fetch(`${svc.base}/api/documents/during-long-ingest`)).status).toBe(404);

    // Once the ingest is over (here: its process gone), the retry succeeds.
    const gone = new Promise((r) => holder?.once('exit', r));
    holder.kill('SIGKILL');
    await gone;
    expect((await upload('during-long-ingest')).status).toBe(201);
  }, 120_000);
});
