import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerProvider } from '../../src/answer/answer-provider.js';
import { OpenAICompatibleChat } from '../../src/answer/openai-chat.js';
import type { DocumentMeta, Retrieval } from '../../src/domain.js';
import { type EvalDeps, runEvalCommand } from '../../src/eval/eval-command.js';
import type { Retriever } from '../../src/retrieve/retriever.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../fakes/fake-openai-server.js';
import { answer, citation, DOC_ID, DOC_TEXT, passage } from './fakes.js';

const meta: DocumentMeta = { id: DOC_ID, title: 't', type: '其他', sourcePath: 's.txt' };
const good = passage(0, DOC_TEXT.indexOf('力争'));
const bad = passage(DOC_TEXT.indexOf('聚焦'), DOC_TEXT.length);

function deps(rankGood: boolean): EvalDeps & { modes: string[] } {
  const modes: string[] = [];
  const retriever: Retriever = {
    async retrieve(query, options): Promise<Retrieval> {
      modes.push(options?.mode ?? 'hybrid');
      const passages = rankGood ? [good, bad] : [bad];
      return {
        query,
        passages,
        relevant: true,
        confidence: 1,
        timings: { bm25Ms: 0, vectorMs: 0, fuseMs: 0 },
      };
    },
  };
  const answerer: AnswerProvider = {
    id: 'fake',
    async answer(_q, r) {
      return answer('推进54项任务[1]。', [citation(1, r.passages[0])]);
    },
    async *stream() {},
  };
  const embedder = {
    id: 'e',
    dimensions: 4,
    embedDocuments: async (t: string[]) => t.map(() => [1, 0, 0, 0]),
    embedQuery: async () => [1, 0, 0, 0],
  };
  const store = {
    listDocuments: async () => [meta],
    getDocument: async (id: string) => (id === DOC_ID ? { text: DOC_TEXT, meta } : undefined),
  };
  return { store, embedder, retriever, answerer, answerK: 6, modes };
}

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'evalcmd-'));
  const gold = join(dir, 'gold.jsonl');
  const item = {
    id: 'q1',
    question: '多少项？',
    answer: '推进54项任务',
    key_points: ['54项'],
    evidence: [{ doc: DOC_ID, quote: '推进54项任务' }],
    answerable: true,
    category: 'number',
  };
  await writeFile(gold, `${JSON.stringify(item)}\n`);
  return { dir, gold };
}

describe('runEvalCommand', () => {
  it('writes report.json and html, prints the table, and passes the gate against itself', async () => {
    const { dir, gold } = await setup();
    const lines: string[] = [];
    const out = join(dir, 'r', 'report.json');
    const d = deps(true);
    const first = await runEvalCommand(d, {
      gold: [gold],
      provider: 'extractive',
      out,
      html: join(dir, 'r.html'),
      pipelines: ['hybrid', 'bm25', 'vector', 'naive'],
      print: (l) => lines.push(l),
    });
    expect(first.exitCode).toBe(0);
    expect(d.modes).toEqual(['hybrid', 'bm25', 'vector']);
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.summary.retrieval['hit@1']).toBe(1);
    expect(Object.keys(written.pipelines)).toEqual(['hybrid', 'bm25', 'vector', 'naive']);
    expect(await readFile(join(dir, 'r.html'), 'utf8')).toContain('<svg');
    expect(lines[0].split('\n')[0]).toMatch(/^metric\s+hybrid\s+bm25\s+vector\s+naive$/);

    const again = await runEvalCommand(deps(true), {
      gold: [gold],
      provider: 'extractive',
      baseline: out,
      print: (l) => lines.push(l),
    });
    expect(again.exitCode).toBe(0);
    expect(lines.at(-1)).toContain('baseline gate: no headline metric fell');
  });

  it('exits 1 and names the metrics when the run falls below the baseline', async () => {
    const { dir, gold } = await setup();
    const out = join(dir, 'base.json');
    await runEvalCommand(deps(true), { gold: [gold], provider: 'extractive', out, print: () => {} });
    const lines: string[] = [];
    const worse = await runEvalCommand(deps(false), {
      gold: [gold],
      provider: 'extractive',
      baseline: out,
      maxDrop: 0.02,
      print: (l) => lines.push(l),
    });
    expect(worse.exitCode).toBe(1);
    expect(lines.filter((l) => l.startsWith('REGRESSION')).map((l) => l.split(':')[0])).toContain(
      'REGRESSION retrieval.hit@1',
    );
  });

  it('rejects an unknown pipeline name', async () => {
    const { gold } = await setup();
    await expect(
      runEvalCommand(deps(true), { gold: [gold], provider: 'x', pipelines: ['magic'], print: () => {} }),
    ).rejects.toThrow('unknown pipeline "magic"');
  });
});

describe('runEvalCommand with the LLM judge', () => {
  let fake: FakeOpenAIServer;
  /** Rating the fake judge gives both metrics; the gold answer must never reach it. */
  let rating = 4;
  beforeAll(async () => {
    fake = await startFakeOpenAIServer({
      reply: (messages) =>
        messages
          .map((m) => m.content)
          .join('\n')
          .includes('忠实度')
          ? `\`\`\`json\n${JSON.stringify({
              faithfulness: { score: rating, reason: '有依据' },
              relevance: { score: rating, reason: '切题' },
            })}\n\`\`\``
          : 'not a judge prompt',
    });
  });
  afterAll(async () => {
    await fake?.close();
  });
  const judge = () =>
    new OpenAICompatibleChat({
      baseURL: fake.url,
      model: 'judge-model',
      apiKey: 'k',
      timeoutMs: 15_000,
      maxRetries: 0,
      temperature: 0,
      maxTokens: 256,
    });

  it('writes the judge block and per-item verdicts, keeps the summary keys, and the gate ignores it', async () => {
    const { dir, gold } = await setup();
    const plain = await runEvalCommand(deps(true), { gold: [gold], provider: 'extractive', print: () => {} });
    expect(plain.report.judge).toBeUndefined();

    const out = join(dir, 'judged.json');
    const html = join(dir, 'judged.html');
    const lines: string[] = [];
    rating = 5;
    const judged = await runEvalCommand(deps(true), {
      gold: [gold],
      provider: 'extractive',
      pipelines: ['hybrid', 'bm25'],
      out,
      html,
      judge: judge(),
      print: (l) => lines.push(l),
    });
    expect(judged.exitCode).toBe(0);
    const written = JSON.parse(await readFile(out, 'utf8'));
    const block = {
      model: 'openai:judge-model',
      judged: 1,
      failed: 0,
      skipped: 0,
      faithfulness: 1,
      relevance: 1,
    };
    expect(written.judge).toMatchObject({ ...block, byPipeline: { hybrid: block, bm25: block } });
    expect(written.items[0].judge).toMatchObject({
      status: 'judged',
      faithfulness: { rating: 5, pass: true },
    });
    // The summary is the deterministic one, key for key.
    expect(written.summary).toEqual({ ...plain.report.summary, latencyMs: written.summary.latencyMs });
    expect(JSON.stringify(written.summary)).not.toContain('judge');
    expect(fake.requests.map((r) => r.raw).join('')).not.toContain('推进54项任务"');
    expect(lines[0]).toMatch(/^judge faithfulness\s+1\.000\s+1\.000$/m);
    expect(lines).toContain('judge openai:judge-model: 1 judged, 0 failed, 0 skipped (not gated)');
    expect(await readFile(html, 'utf8')).toContain('LLM judge · openai:judge-model');

    // A much worse judge verdict against that report as the baseline: the gate does not look.
    rating = 1;
    const gated = await runEvalCommand(deps(true), {
      gold: [gold],
      provider: 'extractive',
      baseline: out,
      judge: judge(),
      print: () => {},
    });
    expect(gated.report.judge).toMatchObject({ faithfulness: 0, relevance: 0, judged: 1 });
    expect(gated.exitCode).toBe(0);
  });
});
