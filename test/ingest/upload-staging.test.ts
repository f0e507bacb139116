import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  markCommitting,
  reconcileStaging,
  STAGING_DIR,
  type StagedFile,
  stageFile,
} from '../../src/ingest/upload-staging.js';

/** What a crash leaves in the staging folder, settled at start (real files). */
let dir: string;
let deadPid: number;
beforeAll(async () => {
  // A pid whose process has exited: what a killed service leaves in its staged names.
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  deadPid = child.pid as number;
  await new Promise((r) => child.once('exit', r));
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staging-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Stages a file as process `pid` would have, at time `at` (names are `<ms>-<pid>-<random><ext>`). */
async function stagedBy(
  pid: number,
  id: string,
  text: string,
  at = Date.now() - 60_000,
): Promise<StagedFile> {
  const staged = await stageFile(dir, id, '.txt', Buffer.from(text));
  const path = join(dir, STAGING_DIR, `${at}-${pid}-${Math.random().toString(16).slice(2, 10)}.txt`);
  await rename(staged.path, path);
  return { ...staged, path };
}

describe('reconcileStaging', () => {
  it('moves an upload the index committed into place, replacing the old file, and deletes the rest', async () => {
    await writeFile(join(dir, 'notice.md'), 'old version');
    const committed = await stagedBy(deadPid, 'notice', 'new version');
    await markCommitting(committed, 'hash-new');
    const uncommitted = await stagedBy(deadPid, 'other', 'never indexed');
    await markCommitting(uncommitted, 'hash-other');
    // Staged by an earlier process that had this very pid (a restarted container), before this one began.
    const bare = await stagedBy(process.pid, 'bare', 'crashed before its commit began', 1_000);

    const index = new Map([['notice', 'hash-new']]);
    const report = await reconcileStaging(dir, async (id) => index.get(id));

    expect(report.restored).toEqual(['notice.txt']);
    expect(report.removed.sort()).toEqual(
      [uncommitted.path, bare.path].map((p) => p.slice(p.lastIndexOf('/') + 1)).sort(),
    );
    expect((await readdir(dir)).sort()).toEqual([STAGING_DIR, 'notice.txt']);
    expect(await readFile(join(dir, 'notice.txt'), 'utf8')).toBe('new version');
    expect(await readdir(join(dir, STAGING_DIR))).toEqual([]);
  });

  it('leaves alone uploads possibly in flight: staged by a live other process, or by this one since it started', async () => {
    const service: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      await new Promise((r) => service.once('spawn', r));
      const theirs = await stagedBy(service.pid as number, 'theirs', 'a running service is preparing this');
      await markCommitting(theirs, 'hash-theirs');
      const ours = await stageFile(dir, 'ours', '.txt', Buffer.from('this process is preparing this'));
      const leftover = await stagedBy(deadPid, 'leftover', 'a killed service staged this');

      const report = await reconcileStaging(dir, async () => undefined);

      expect(report).toEqual({
        restored: [],
        removed: [leftover.path.slice(leftover.path.lastIndexOf('/') + 1)],
      });
      const left = (await readdir(join(dir, STAGING_DIR))).sort();
      const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
      expect(left).toEqual([name(ours.path), name(theirs.path), `${name(theirs.path)}.json`].sort());
    } finally {
      service.kill('SIGKILL');
    }
  });

  it('does nothing without a staging folder', async () => {
    expect(await reconcileStaging(dir, async () => undefined)).toEqual({ restored: [], removed: [] });
  });
});
