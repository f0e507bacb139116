import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '../fakes/fake-openai-server.js';

const run = promisify(execFile);
const SEED_ID = '000_204df86a34e42382';

/** The command-line tools as a user runs them: real processes, a real corpus folder and index on disk. */
describe('npm run ingest / npm run ask', () => {
  let root: string;
  const env = () => ({ ...process.env, INDEX_DIR: join(root, 'index'), UPLOAD_DIR: join(root, 'uploads') });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cli-'));
    await mkdir(join(root, 'corpus', 'nested'), { recursive: true });
    await cp('seeds', join(root, 'corpus', 'seeds'), { recursive: true });
    await writeFile(join(root, 'corpus', 'nested', 'empty.txt'), '');
    await writeFile(join(root, 'corpus', 'nested', 'broken.pdf'), '%PDF-1.4 not really');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('ingest names skipped files with reasons and indexes the rest', async () => {
    const { stdout } = await run(
      'node',
      ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', join(root, 'corpus')],
      { env: env(), timeout: 90_000 },
    );
    expect(stdout).toMatch(/documents: 1/);
    expect(stdout).toContain('empty.txt');
    expect(stdout).toContain('broken.pdf');
    expect(stdout).toMatch(/跳过 skipped 2 file/);
  }, 100_000);

  it('ask --json prints the answer with citations pointing into the seed', async () => {
    // As `npm run ask` runs it: through the bundling launcher.
    const { stdout } = await run(
      'node',
      ['src/cli/run-bundled.mjs', 'ask', '--json', '2025年青岛要把5G基站建到多少个？'],
      { env: env(), timeout: 90_000 },
    );
    const out = JSON.parse(stdout) as {
      answer: string;
      refused: boolean;
      citations: { n: number; docId: string; start: number; end: number; quote: string }[];
    };
    expect(out.refused).toBe(false);
    expect(out.answer).toContain('4.5万');
    expect(out.citations[0]).toMatchObject({ n: 1, docId: SEED_ID });
    expect(out.citations[0].quote).toContain('4.5万个');
    expect(out.citations[0].end - out.citations[0].start).toBe(out.citations[0].quote.length);
  }, 100_000);

  it('ask answers with the configured chat model when CHAT_PROVIDER=openai', async () => {
    const fake = await startFakeOpenAIServer();
    try {
      fake.queueReply('到2025年，力争5G基站数达4.5万个[1]。');
      const { stdout } = await run(
        'node',
        ['src/cli/run-bundled.mjs', 'ask', '--json', '2025年青岛要把5G基站建到多少个？'],
        {
          env: { ...env(), CHAT_PROVIDER: 'openai', CHAT_BASE_URL: fake.url, CHAT_MODEL: 'fake-model' },
          // 34 s alone, 92 s once inside the whole suite on 2 shared cores (measured 2026-11-30).
          timeout: 150_000,
        },
      );
      const out = JSON.parse(stdout) as { answer: string; provider: string; citations: { docId: string }[] };
      expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
      expect(out.provider).toBe('openai:fake-model');
      expect(out.answer).toContain('4.5万个');
      expect(out.citations[0].docId).toBe(SEED_ID);
    } finally {
      await fake.close();
    }
  }, 160_000);

  it('ask without a question prints usage and fails', async () => {
    await expect(run('node', ['--import', 'tsx', 'src/cli/ask.ts'], { env: env() })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage'),
    });
  }, 60_000);
});
