import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/eval/html-report.js';
import { buildReport } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/runner.js';
import { formatSummaryTable } from '../../src/eval/terminal-summary.js';
import { answer, DOC_TEXT, documents, gold, passage, scriptedPipeline } from './fakes.js';

/** Every key path of a JSON value (arrays not descended), sorted. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

const evil = '<script>alert("x")</script>青岛居住证怎么办？';
const items = [
  gold({
    id: 'a',
    question: '多少项任务？',
    answer: '54项',
    key_points: ['54项'],
    answerable: true,
    category: 'number',
    evidence: [{ doc: 'seed', quote: '推进54项任务' }],
  }),
  gold({ id: 'b', question: evil, category: 'unanswerable' }),
];
const script = {
  '多少项任务？': {
    passages: [{ ...passage(0, 10), copies: [{ docId: '<i>copy</i>', title: 't', start: 0, end: 5 }] }],
    answer: answer('<b>不知道</b>', []),
  },
  [evil]: { passages: [passage(10, DOC_TEXT.length)], answer: answer('这里有答案 & 更多', []) },
};

async function report(pipelines = ['hybrid']) {
  const runs = await runEval({
    gold: items,
    pipelines: pipelines.map((n) => scriptedPipeline(n, script)),
    documents,
  });
  return buildReport(runs, {
    createdAt: '2026-01-01T00:00:00Z',
    gold: ['g.jsonl'],
    k: 10,
    provider: 'extractive',
  });
}

describe('report.json', () => {
  it('has exactly the specified summary keys', async () => {
    const r = await report();
    expect(keyPaths(r.summary).sort()).toMatchInlineSnapshot(`
      [
        "answer.charF1",
        "answer.citationPrecision",
        "answer.keyPointRecall",
        "answer.leadAccuracy",
        "answer.numberFidelity",
        "answer.rougeL",
        "answerable",
        "items",
        "latencyMs.p50",
        "latencyMs.p95",
        "refusal.accuracy",
        "refusal.falseRefusalRate",
        "retrieval.hit@1",
        "retrieval.hit@10",
        "retrieval.hit@3",
        "retrieval.hit@5",
        "retrieval.mrr@10",
      ]
    `);
    expect(Object.keys(r).sort()).toEqual([
      'byCategory',
      'halves',
      'items',
      'latencyByStage',
      'run',
      'sameDocument',
      'summary',
    ]);
    expect(r.items).toHaveLength(2);
    expect(Object.keys(r.byCategory)).toEqual(['number', 'unanswerable']);
    const { tune, check } = r.halves.hybrid;
    expect(tune.summary.items + check.summary.items).toBe(r.summary.items);
  });

  it('with several pipelines, keeps the first in the main shape and adds pipelines: name → summary', async () => {
    const r = await report(['hybrid', 'bm25', 'naive']);
    expect(r.run.pipeline).toBe('hybrid');
    expect(Object.keys(r.pipelines ?? {})).toEqual(['hybrid', 'bm25', 'naive']);
    // The same metrics (the fixture's passages rank alike); latency is measured and may differ by 0.1 ms.
    const metrics = (s: object | undefined) => ({ ...s, latencyMs: undefined });
    expect(metrics(r.pipelines?.bm25)).toEqual(metrics(r.summary));
    expect(r.pipelines?.bm25?.latencyMs).toEqual(expect.objectContaining({ p50: expect.any(Number) }));
    const table = formatSummaryTable(
      Object.entries(r.pipelines ?? {}).map(([name, summary]) => ({ name, summary })),
    );
    expect(table.split('\n')[0]).toMatch(/^metric\s+hybrid\s+bm25\s+naive$/);
    expect(table).toContain('hit@5');
    expect(table.split('\n').length).toBeLessThan(24);
  });
});

describe('html report', () => {
  it('escapes every text and loads nothing external', async () => {
    const html = renderHtmlReport(await report(['hybrid', 'vector']));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;青岛居住证怎么办？');
    expect(html).toContain('&lt;b&gt;不知道&lt;/b&gt;');
    expect(html).toContain('这里有答案 &amp; 更多');
    expect(html).toContain('同文亦见于 &lt;i&gt;copy&lt;/i&gt;');
    // In-page links to the misses only; no external asset or page.
    expect(html).not.toMatch(/(src|href)="(?!#miss-)/);
    expect(html).toContain('<svg');
    expect(html).toContain('Pipelines side by side');
  });

  it('groups the misses by kind, with links to each miss', async () => {
    const html = renderHtmlReport(await report());
    expect(html).toContain('<h2>Misses by kind</h2>');
    // b is unanswerable and was answered; a was answered from a passage of its evidence document
    // that does not hold the quote (DOC_TEXT's first ten characters).
    expect(html).toMatch(/<tr><td>unanswerable, answered<\/td>(<td>\d<\/td>){2}.*href="#miss-b"/);
    expect(html).toMatch(/<tr><td>answered from another passage<\/td><td>0<\/td><td>1<\/td>.*href="#miss-a"/);
    expect(html).toContain('<span class="small">· answered from another passage</span>');
    expect(html).toContain('id="miss-b"');
    expect(html).toContain('id="miss-a"');
  });
});
