import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { runEvalCli, writeSeedGoldSample } from './eval-cli.js';

/** `npm run eval -- --provider openai` measures the generative answerer the service would use. */
describe('eval with a chat provider', () => {
  let root: string;
  let gold: string;
  let fake: FakeOpenAIServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eval-provider-'));
    fake = await startFakeOpenAIServer();
    gold = await writeSeedGoldSample(root, 3);
  });
  afterAll(async () => {
    await fake?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends the questions to the configured model and records the provider in the report', async () => {
    const out = join(root, 'report.json');
    await runEvalCli(['--gold', gold, '--corpus', 'seeds', '--provider', 'openai', '--out', out], {
      DATA_DIR: join(root, 'data'),
      CHAT_PROVIDER: 'openai',
      CHAT_BASE_URL: fake.url,
      CHAT_MODEL: 'fake-model',
      CHAT_TIMEOUT_MS: '5000',
    });
    const report = JSON.parse(await readFile(out, 'utf8')) as { run: { provider: string }; items: unknown[] };
    expect(report.run.provider).toBe('openai');
    expect(report.items).toHaveLength(3);
    expect(fake.requests.some((r) => r.path.includes('/chat/completions'))).toBe(true);
  }, 130_000);

  it('refuses --provider openai when no chat endpoint is configured', async () => {
    await expect(
      runEvalCli(['--gold', 'eval/seed-gold.jsonl', '--provider', 'openai'], { CHAT_PROVIDER: '' }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('CHAT_PROVIDER=openai') });
  }, 60_000);
});
