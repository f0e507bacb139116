import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markCommitting, reconcileStaging, STAGING_DIR, stageFile } from '../../src/ingest/upload-staging.js';

/** What a crash leaves in the staging folder, settled at start (real files). */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staging-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('reconcileStaging', () => {
  it('moves an upload the index committed into place, replacing the old file, and deletes the rest', async () => {
    await writeFile(join(dir, 'notice.md'), 'old version');
    const committed = await stageFile(dir, 'notice', '.txt', Buffer.from('new version'));
    await markCommitting(committed, 'hash-new');
    const uncommitted = await stageFile(dir, 'other', '.txt', Buffer.from('never indexed'));
    await markCommitting(uncommitted, 'hash-other');
    const bare = await stageFile(dir, 'bare', '.txt', Buffer.from('crashed before its commit began'));

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

  it('does nothing without a staging folder', async () => {
    expect(await reconcileStaging(dir, async () => undefined)).toEqual({ restored: [], removed: [] });
  });
});
