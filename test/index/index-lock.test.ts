import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireIndexLock, LOCK_FILE, type LockOwner, processStartTime } from '../../src/index/index-lock.js';

/**
 * Issue 14: a lock left by a dead writer whose pid the system gave to another process was honoured
 * forever (the pid is alive, so the lock looked held). The lock now records the holder's start
 * time; these tests write lock files naming a real, live child process.
 */

/** Field 22 of /proc/<pid>/stat, read independently of the code under test. */
function ticksOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const linux = existsSync('/proc/self/stat');

describe.skipIf(!linux)('index lock and pid reuse (Linux /proc)', () => {
  let tmp: string;
  let child: ChildProcess;
  let dir: string;
  let n = 0;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'index-lock-'));
    // A live process that never took the lock: the pid a dead holder's pid was "reused" by.
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
  });
  afterAll(async () => {
    child.kill('SIGKILL');
    await rm(tmp, { recursive: true, force: true });
  });
  afterEach(() => {
    n++;
  });

  async function lockNaming(owner: Partial<LockOwner>): Promise<string> {
    dir = join(tmp, `index-${n}`);
    const full: LockOwner = {
      pid: child.pid ?? 0,
      host: hostname(),
      since: '2026-11-30T00:00:00.000Z',
      purpose: 'ingest',
      token: `t${n}`,
      ...owner,
    };
    await acquireIndexLock(dir, { purpose: 'setup' }).then((l) => l.release());
    await writeFile(join(dir, LOCK_FILE), `${JSON.stringify(full)}\n`);
    return dir;
  }

  it('records the start time of the holder: field 22 of /proc/<pid>/stat', async () => {
    const lock = await acquireIndexLock(join(tmp, 'own'), { purpose: 'test' });
    try {
      const onDisk = JSON.parse(await readFile(join(tmp, 'own', LOCK_FILE), 'utf8')) as LockOwner;
      expect(onDisk.pid).toBe(process.pid);
      expect(onDisk.started?.split('/')[1]).toBe(ticksOf(process.pid));
      expect(processStartTime(child.pid ?? 0)?.split('/')[1]).toBe(ticksOf(child.pid ?? 0));
    } finally {
      await lock.release();
    }
  });

  it('honours a lock naming a live process with its own start time', async () => {
    const pid = child.pid ?? 0;
    const d = await lockNaming({ started: processStartTime(pid) });
    await expect(acquireIndexLock(d, { purpose: 'upload', waitMs: 300 })).rejects.toMatchObject({
      code: 'INDEX_LOCKED',
      message: expect.stringContaining(`pid ${pid} on ${hostname()} (ingest`),
    });
  });

  it('takes over a lock whose pid now belongs to a process started at another time', async () => {
    const pid = child.pid ?? 0;
    const [boot, ticks] = (processStartTime(pid) ?? '/0').split('/');
    const d = await lockNaming({ started: `${boot}/${Number(ticks) - 1}` });
    const lock = await acquireIndexLock(d, { purpose: 'upload', waitMs: 0 });
    try {
      const onDisk = JSON.parse(await readFile(join(d, LOCK_FILE), 'utf8')) as LockOwner;
      expect(onDisk.pid).toBe(process.pid);
      expect(onDisk.purpose).toBe('upload');
    } finally {
      await lock.release();
    }
  });

  it('takes over a lock from a previous boot naming a live pid', async () => {
    const pid = child.pid ?? 0;
    const ticks = (processStartTime(pid) ?? '/0').split('/')[1];
    const d = await lockNaming({ started: `00000000-0000-0000-0000-000000000000/${ticks}` });
    const lock = await acquireIndexLock(d, { purpose: 'upload', waitMs: 0 });
    await lock.release();
  });

  it('takes over a lock naming this very pid from an earlier process (a restart that got the same pid)', async () => {
    const [boot, ticks] = (processStartTime(process.pid) ?? '/0').split('/');
    const d = await lockNaming({ pid: process.pid, started: `${boot}/${Number(ticks) - 100}` });
    const lock = await acquireIndexLock(d, { purpose: 'upload', waitMs: 0 });
    await lock.release();
  });

  it('still honours a lock without a start time (written before it was recorded) while its pid lives', async () => {
    const d = await lockNaming({});
    await expect(acquireIndexLock(d, { purpose: 'upload', waitMs: 0 })).rejects.toMatchObject({
      code: 'INDEX_LOCKED',
    });
  });
});
