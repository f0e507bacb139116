import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors.js';

/**
 * One writer per index directory. A writer (an ingest, a service upload) holds `<dir>/LOCK`, a file
 * created exclusively (O_EXCL) that names its owner. Another writer waits for it (bounded), then
 * fails with INDEX_LOCKED naming the holder. A lock whose owner process is gone (kill -9, a crash)
 * is stale and taken over, and so is one whose pid now belongs to another process (pids are
 * reused: after a restart in a container the service often gets the very same pid): the lock
 * records the holder's process start time, and a live pid that started at another time is not
 * the holder. Readers never lock: generations are committed atomically (index-files.ts).
 */

export const LOCK_FILE = 'LOCK';

/** What the lock file says about its holder. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO time). */
  since: string;
  /** What the holder is doing, e.g. "ingest" or "upload". */
  purpose: string;
  /** Random per acquisition: a release never removes a lock another writer took since. */
  token: string;
  /**
   * When the holder process started, as `<boot id>/<clock ticks after boot>` (Linux: field 22 of
   * /proc/<pid>/stat); absent where /proc is not available, and in locks written before it was
   * recorded (those are judged by the pid alone).
   */
  started?: string;
}

export interface IndexLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

export interface LockOptions {
  /** What the holder will do, shown to whoever waits. */
  purpose: string;
  /** Longest wait for another writer, ms; 0 fails at once. */
  waitMs?: number;
}

/**
 * How often a waiting writer looks again, ms. A lock is held for an upload (~0.1–3 s) or an
 * ingest (seconds to minutes); 100 ms adds little to either and costs one failed open per look.
 */
const POLL_MS = 100;
/**
 * A lock file that holds no parsable owner is being written (open and write are two steps) or was
 * left by a crash between them; older than this it is a crash's leftover and stale.
 */
const UNWRITTEN_STALE_MS = 5_000;

/** Index directories this process holds (the file lock alone cannot tell two callers in one process apart). */
const heldHere = new Set<string>();

/** The boot this machine is in (start times in ticks only compare within one boot); read once. */
const BOOT_ID = ((): string => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
})();

/**
 * When process `pid` started (see `LockOwner.started`), or undefined when it cannot be read (no
 * such process, no /proc). The command name (field 2) may hold spaces and parentheses, so fields
 * are counted from its closing parenthesis: field 22 is the 20th after it.
 */
export function processStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const ticks = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .at(22 - 3);
  return ticks && /^\d+$/.test(ticks) ? `${BOOT_ID}/${ticks}` : undefined;
}

/** This process's start time, read once. */
const ownStart = processStartTime(process.pid);

/** Whether process `pid` exists on this host (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(owner: LockOwner | undefined, age: number): boolean {
  if (!owner) return age > UNWRITTEN_STALE_MS;
  // A process on another host cannot be checked from here: its lock is honoured.
  if (owner.host !== hostname()) return false;
  // The pid lives, but as another process than the one that took the lock (this one included).
  if (owner.started) {
    const now = owner.pid === process.pid ? ownStart : processStartTime(owner.pid);
    if (now !== undefined && now !== owner.started) return true;
  }
  return owner.pid !== process.pid && !processAlive(owner.pid);
}

/**
 * Removes a stale lock without ever removing a live one: the lock is moved aside first and
 * checked; if another writer had replaced it meanwhile, it is put back (link fails if a third
 * took the place, which then holds the lock rightly).
 */
async function breakStale(path: string, seen: LockOwner | undefined): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readOwner(aside);
  if (moved && seen && moved.token !== seen.token) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function describe(owner: LockOwner | undefined): string {
  if (!owner) return 'an unknown writer (the lock file is being written)';
  return `pid ${owner.pid} on ${owner.host} (${owner.purpose}, since ${owner.since})`;
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Takes the write lock of index directory `dir`, waiting up to `waitMs` for another writer (in
 * this process or another). Throws INDEX_LOCKED naming the holder when the wait runs out.
 */
export async function acquireIndexLock(
  dir: string,
  { purpose, waitMs = 0 }: LockOptions,
): Promise<IndexLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let holder: LockOwner | undefined;
  for (;;) {
    if (!heldHere.has(dir)) {
      heldHere.add(dir);
      const owner: LockOwner = {
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        purpose,
        token: randomBytes(8).toString('hex'),
        ...(ownStart ? { started: ownStart } : {}),
      };
      let created = false;
      try {
        created = await tryCreate(path, owner);
      } finally {
        if (!created) heldHere.delete(dir);
      }
      if (created) return heldLock(dir, path, owner);
      holder = await readOwner(path);
      if (isStale(holder, await ageMs(path))) {
        await breakStale(path, holder);
        continue;
      }
    } else {
      holder = {
        pid: process.pid,
        host: hostname(),
        since: '',
        purpose: 'another write in this process',
        token: '',
      };
    }
    if (Date.now() >= deadline) throw lockedError(dir, holder, waitMs);
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}

function lockedError(dir: string, holder: LockOwner | undefined, waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(
    'INDEX_LOCKED',
    `索引目录 ${dir} 正被另一写入者占用: ${describe(holder)}；已等待 ${seconds} 秒，请稍后重试。若该进程已不存在，可删除 ${join(dir, LOCK_FILE)} (index locked by another writer)`,
    { headers: { 'retry-after': String(Math.min(60, seconds)) } },
  );
}

/** Locks still held when the process exits (normally) are removed, so no one waits for a stale one. */
const exitCleanup = new Map<string, string>();
process.on('exit', () => {
  for (const [path, token] of exitCleanup) {
    try {
      if (readFileSync(path, 'utf8').includes(token)) unlinkSync(path);
    } catch {
      // already gone
    }
  }
});

function heldLock(dir: string, path: string, owner: LockOwner): IndexLock {
  exitCleanup.set(path, owner.token);
  let released = false;
  return {
    owner,
    async release() {
      if (released) return;
      released = true;
      exitCleanup.delete(path);
      try {
        // Remove the lock only if it is still this one (a stale-lock takeover could have replaced it).
        if ((await readOwner(path))?.token === owner.token) await unlink(path);
      } finally {
        heldHere.delete(dir);
      }
    },
  };
}

/** Runs `fn` holding the write lock of `dir` (see `acquireIndexLock`), releasing it afterwards. */
export async function withIndexLock<T>(dir: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireIndexLock(dir, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
