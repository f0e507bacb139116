import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/*
 * `npm run lexicon-audit` as a maintainer runs it after adding rows: real processes, a corpus folder,
 * an index on disk and a lexicon file of their own (LEXICON_FILES).
 */
describe('npm run lexicon-audit', () => {
  let root: string;
  const env = () => ({
    ...process.env,
    INDEX_DIR: join(root, 'index'),
    UPLOAD_DIR: join(root, 'uploads'),
    LEXICON_FILES: join(root, 'local.tsv'),
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lexicon-audit-'));
    await mkdir(join(root, 'corpus'), { recursive: true });
    await writeFile(
      join(root, 'corpus', 'islands.md'),
      '# 青岛市无居民海岛管理条例\n\n第十条 禁止在无居民海岛从事下列活动：\n\n（一）采石、挖海砂；\n\n（二）炸鱼、毒鱼。\n',
    );
    await writeFile(
      join(root, 'corpus', 'manifest.jsonl'),
      `${JSON.stringify({ id: 'islands', title: '青岛市无居民海岛管理条例', region: '青岛市', type: '法规' })}\n`,
    );
    // One target the cut produces (无 / 居民 / 海岛), one it never does (无居民), one no document writes.
    await writeFile(
      join(root, 'local.tsv'),
      '荒岛岛\t>\t无+居民+海岛|无居民+海岛\n岛上炸鱼\t>\t爆破捕捞作业\n',
    );
    await run('node', ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', join(root, 'corpus')], {
      env: env(),
      timeout: 90_000,
    });
  }, 100_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists the targets no passage holds, with file and line, and --strict fails on them', async () => {
    const failure = await run('node', ['--import', 'tsx', 'src/cli/lexicon-audit.ts', '--strict'], {
      env: env(),
      timeout: 90_000,
    }).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failure?.code).toBe(1);
    const lines = failure?.stdout.split('\n') ?? [];
    expect(lines.some((l) => l.endsWith('local.tsv:1\t荒岛岛\t无居民+海岛'))).toBe(true);
    expect(lines.some((l) => l.endsWith('local.tsv:2\t岛上炸鱼\t爆破捕捞作业'))).toBe(true);
    expect(lines.some((l) => l.endsWith('\t无+居民+海岛'))).toBe(false);
    expect(failure?.stdout).toMatch(/targets match no passage of 1 documents/);
  }, 100_000);
});
