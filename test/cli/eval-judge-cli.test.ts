import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { runEvalCli, writeSeedGoldSample } from './eval-cli.js';

/** `npm run eval -- --judge`: the configured chat endpoint rates each answer (a loopback fake here). */
describe('eval --judge', () => {
  let root: string;
  let gold: string;
  let fake: FakeOpenAIServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eval-judge-'));
    fake = await startFakeOpenAIServer({
      reply: (messages) =>
        messages.some((m) => m.content.includes('忠实度'))
          ? '{"faithfulness": {"score": 4, "reason": "基本有依据"}, "relevance": {"score": 5, "reason": "切题"}}'
          : 'unexpected prompt',
    });
    gold = await writeSeedGoldSample(root, 3);
  });
  afterAll(async () => {
    await fake?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('judges the extractive answers with JUDGE_MODEL and writes the judge block', async () => {
    const out = join(root, 'report.json');
    const { stdout } = await runEvalCli(['--gold', gold, '--corpus', 'seeds', '--judge', '--out', out], {
      DATA_DIR: join(root, 'data'),
      CHAT_PROVIDER: 'openai',
      CHAT_BASE_URL: fake.url,
      CHAT_MODEL: 'answer-model',
      JUDGE_MODEL: 'judge-model',
      CHAT_TIMEOUT_MS: '5000',
    });
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.run.provider).toBe('extractive');
    expect(report.judge).toEqual({
      model: 'openai:judge-model',
      judged: 3,
      failed: 0,
      skipped: 0,
      faithfulness: 0.75,
      relevance: 1,
      passRate: { faithfulness: 1, relevance: 1 },
    });
    expect(report.items.map((i: { judge: { status: string } }) => i.judge.status)).toEqual([
      'judged',
      'judged',
      'judged',
    ]);
    // Only the judge called the endpoint (the answers are extractive), once per item.
    const calls = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(calls.map((r) => (r.body as { model: string }).model)).toEqual([
      'judge-model',
      'judge-model',
      'judge-model',
    ]);
    expect(stdout).toMatch(/^judge faithfulness\s+0\.750$/m);
  }, 130_000);

  it('refuses --judge when no chat endpoint is configured, naming what to set', async () => {
    const failure = runEvalCli(['--gold', gold, '--judge'], {
      CHAT_PROVIDER: '',
      DATA_DIR: join(root, 'data'),
    });
    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        '错误 (VALIDATION_FAILED): --judge needs a chat model: set CHAT_PROVIDER=openai',
      ),
    });
  }, 60_000);
});
