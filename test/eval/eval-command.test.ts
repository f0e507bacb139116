import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerProvider } from '../../src/answer/answer-provider.js';
import type { DocumentMeta, Retrieval } from '../../src/domain.js';
import { type EvalDeps, runEvalCommand } from '../../src/eval/eval-command.js';
import type { Retriever } from '../../src/retrieve/retriever.js';
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
