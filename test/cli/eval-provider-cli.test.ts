import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';

const run = promisify(execFile);

/** `npm run eval -- --provider openai` measures the generative answerer the service would use. */
describe('eval with a chat provider', () => {
  let root: string;
  let fake: FakeOpenAIServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eval-provider-'));
    fake = await startFakeOpenAIServer();
    const gold = (await readFile('eval/seed-gold.jsonl', 'utf8')).split('\n').slice(0, 3).join('\n');
    await writeFile(join(root, 'gold.jsonl'), `${gold}\n`);
  });
  afterAll(async () => {
    await fake?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends the questions to the configured model and records the provider in the report', async () => {
    const out = join(root, 'report.json');
    const env = {
      ...process.env,
      DATA_DIR: join(root, 'data'),
      CHAT_PROVIDER: 'openai',
      CHAT_BASE_URL: fake.url,
      CHAT_MODEL: 'fake-model',
      CHAT_TIMEOUT_MS: '5000',
    };
    await run(
      'node',
      [
        '--import',
        'tsx',
        'src/cli/eval.ts',
        '--gold',
        join(root, 'gold.jsonl'),
        '--corpus',
        'seeds',
        '--provider',
        'openai',
        '--out',
        out,
      ],
      { env, timeout: 120_000 },
    );
    const report = JSON.parse(await readFile(out, 'utf8')) as { run: { provider: string }; items: unknown[] };
    expect(report.run.provider).toBe('openai');
    expect(report.items).toHaveLength(3);
    expect(fake.requests.some((r) => r.path.includes('/chat/completions'))).toBe(true);
  }, 130_000);

  it('refuses --provider openai when no chat endpoint is configured', async () => {
    await expect(
      run(
        'node',
        ['--import', 'tsx', 'src/cli/eval.ts', '--gold', 'eval/seed-gold.jsonl', '--provider', 'openai'],
        {
          env: { ...process.env, CHAT_PROVIDER: '' },
        },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('CHAT_PROVIDER=openai') });
  }, 60_000);
});
