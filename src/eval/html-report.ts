import { escapeHtml } from '../text/escape-html.js';
import { HALVES, type Half, type HalfReport } from './halves.js';
import type { ItemRow } from './item-score.js';
import type { JudgeSummary } from './judge-result.js';
import { MISS_KIND_LABELS, MISS_KINDS, missKind } from './miss-kinds.js';
import type { EvalReport } from './report.js';
import type { CategoryRow, EvalSummary } from './summary.js';

const e = escapeHtml;
const fmt = (v: number | null | undefined) => (typeof v === 'number' ? v.toFixed(3) : '–');

/** Metrics drawn as per-category bar charts. */
const CHARTED = ['hit@5', 'mrr@10', 'keyPointRecall', 'charF1', 'refusalAccuracy'] as const;

const STYLE = `body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2rem;color:#1a1a1a;max-width:1100px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
.tiles{display:flex;flex-wrap:wrap;gap:.75rem}.tile{border:1px solid #ccc;border-radius:6px;padding:.5rem .75rem;min-width:8rem}
.tile b{display:block;font-size:1.4rem}.miss{border-top:1px solid #ddd;padding:.5rem 0}.q{font-weight:600}
.why{color:#a40000;font-size:.9rem}ol{margin:.25rem 0}.ok{color:#006400}.small{font-size:.85rem;color:#555}
.charts{display:flex;flex-wrap:wrap;gap:1rem}td.ids{text-align:left;font-size:.85rem}`;

function headline(s: EvalSummary): string {
  const tiles: [string, string][] = [
    ['items', String(s.items)],
    ['hit@1', fmt(s.retrieval['hit@1'])],
    ['hit@5', fmt(s.retrieval['hit@5'])],
    ['MRR@10', fmt(s.retrieval['mrr@10'])],
    ['key points', fmt(s.answer.keyPointRecall)],
    ['char F1', fmt(s.answer.charF1)],
    ['ROUGE-L', fmt(s.answer.rougeL)],
    ['number fidelity', fmt(s.answer.numberFidelity)],
    ['citation precision', fmt(s.answer.citationPrecision)],
    ['lead accuracy', fmt(s.answer.leadAccuracy)],
    ['refusal accuracy', fmt(s.refusal.accuracy)],
    ['false refusals', fmt(s.refusal.falseRefusalRate)],
    ['latency p50 / p95 ms', `${s.latencyMs.p50.toFixed(0)} / ${s.latencyMs.p95.toFixed(0)}`],
  ];
  return `<div class="tiles">${tiles.map(([l, v]) => `<div class="tile">${e(l)}<b>${e(v)}</b></div>`).join('')}</div>`;
}

/** The LLM judge's headline row (only when the report has a `judge` block). */
function judgeHeadline(j: JudgeSummary): string {
  const tiles: [string, string][] = [
    ['judge faithfulness', fmt(j.faithfulness)],
    ['judge relevance', fmt(j.relevance)],
    ['faithful (≥4/5)', fmt(j.passRate.faithfulness)],
    ['relevant (≥4/5)', fmt(j.passRate.relevance)],
    ['judged / failed / skipped', `${j.judged} / ${j.failed} / ${j.skipped}`],
  ];
  return `<h2>LLM judge · ${e(j.model)}</h2><p class="small">Scores are (rating − 1) / 4 averaged over judged items; not gated.</p>
<div class="tiles">${tiles.map(([l, v]) => `<div class="tile">${e(l)}<b>${e(v)}</b></div>`).join('')}</div>`;
}

/** Items the judge marked down (below 4/5) or could not judge, with its reasons. */
function judgeFlags(items: ItemRow[]): string {
  const flagged = items.filter(
    (i) =>
      i.judge?.status === 'failed' ||
      (i.judge?.status === 'judged' && !(i.judge.faithfulness.pass && i.judge.relevance.pass)),
  );
  if (flagged.length === 0) return '';
  const block = (i: ItemRow) => {
    const j = i.judge;
    const why =
      j?.status === 'failed'
        ? e(j.error)
        : j?.status === 'judged'
          ? `faithfulness ${e(j.faithfulness.reason)}<br>relevance ${e(j.relevance.reason)}`
          : '';
    return `<div class="miss"><div class="q">${e(i.id)} [${e(i.category)}] ${e(i.question)}</div>
<div class="why">${why}</div><div><b>Answer</b>: ${e(i.answer.text)}</div></div>`;
  };
  return `<h2>Judge flags (${flagged.length} of ${items.length})</h2>\n${flagged.map(block).join('\n')}`;
}

/** One horizontal bar chart (inline SVG): one bar per category, 0..1. */
export function barChart(metric: string, byCategory: Record<string, CategoryRow>): string {
  const cats = Object.keys(byCategory);
  const rowH = 22;
  const labelW = 130;
  const barW = 220;
  const height = cats.length * rowH + 26;
  const bars = cats
    .map((cat, i) => {
      const v = byCategory[cat][metric];
      const y = 22 + i * rowH;
      const w = typeof v === 'number' ? Math.max(0, Math.min(1, v)) * barW : 0;
      return (
        `<text x="0" y="${y + 14}" font-size="12">${e(cat)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="15" fill="#3465a4"/>` +
        `<text x="${labelW + w + 4}" y="${y + 14}" font-size="12">${e(fmt(v))}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 50}" height="${height}" role="img" aria-label="${e(metric)}">` +
    `<text x="0" y="14" font-size="13" font-weight="bold">${e(metric)}</text>${bars}</svg>`
  );
}

function pipelinesTable(pipelines: Record<string, EvalSummary>): string {
  const names = Object.keys(pipelines);
  const rows: [string, (s: EvalSummary) => number | null][] = [
    ['hit@1', (s) => s.retrieval['hit@1']],
    ['hit@5', (s) => s.retrieval['hit@5']],
    ['hit@10', (s) => s.retrieval['hit@10']],
    ['mrr@10', (s) => s.retrieval['mrr@10']],
    ['keyPointRecall', (s) => s.answer.keyPointRecall],
    ['charF1', (s) => s.answer.charF1],
    ['citationPrecision', (s) => s.answer.citationPrecision],
    ['leadAccuracy', (s) => s.answer.leadAccuracy],
    ['refusal accuracy', (s) => s.refusal.accuracy],
    ['false refusals', (s) => s.refusal.falseRefusalRate],
  ];
  const head = `<tr><th>metric</th>${names.map((n) => `<th>${e(n)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      ([l, read]) =>
        `<tr><td>${e(l)}</td>${names.map((n) => `<td>${fmt(read(pipelines[n]))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<h2>Pipelines side by side</h2><table>${head}${body}</table>`;
}

/** The misses of the first pipeline by kind, tune and check: counts and links to the blocks below. */
function missKindTable(halves: Record<Half, HalfReport>): string {
  const links = (ids: string[]) => ids.map((id) => `<a href="#miss-${e(id)}">${e(id)}</a>`).join(' ');
  const rows = MISS_KINDS.map(
    (kind) =>
      `<tr><td>${e(MISS_KIND_LABELS[kind])}</td>${HALVES.map(
        (half) => `<td>${halves[half].missKinds[kind].length}</td>`,
      ).join(
        '',
      )}<td class="ids">${links(halves.tune.missKinds[kind])}</td><td class="ids">${links(halves.check.missKinds[kind])}</td></tr>`,
  ).join('');
  return `<h2>Misses by kind</h2><p class="small">Where each answer was lost, in pipeline order (choose fixes on the tune half).</p>
<table><tr><th>kind</th><th>tune</th><th>check</th><th>tune items</th><th>check items</th></tr>${rows}</table>`;
}

function missBlock(item: ItemRow): string {
  const evidence = item.evidence.length
    ? `<ul>${item.evidence.map((ev) => `<li>${e(ev.doc)} (${e(ev.found)}): “${e(ev.quote)}”</li>`).join('')}</ul>`
    : '<p class="small">no evidence (unanswerable)</p>';
  const retrieved = item.retrieved.length
    ? `<ol>${item.retrieved
        .map(
          (p) =>
            `<li class="${p.coversEvidence ? 'ok' : ''}">${e(p.docId)} · ${e(p.heading)} · “${e(p.head)}”${
              p.copies?.length
                ? ` <span class="small">同文亦见于 ${p.copies.map((c) => e(c.docId)).join('、')}</span>`
                : ''
            }${p.coversEvidence ? ' ✓' : ''}</li>`,
        )
        .join('')}</ol>`
    : '<p class="small">nothing retrieved</p>';
  const kind = missKind(item);
  const tag = kind ? ` <span class="small">· ${e(MISS_KIND_LABELS[kind])}</span>` : '';
  return `<div class="miss" id="miss-${e(item.id)}"><div class="q">${e(item.id)} [${e(item.category)}] ${e(item.question)}${tag}</div>
<div class="why">${item.misses.map((m) => e(m)).join('<br>')}</div>
<div><b>Expected evidence</b>${evidence}</div><div><b>Retrieved</b>${retrieved}</div>
<div><b>Answer</b>${item.answer.refused ? ' (refused)' : ''}: ${e(item.answer.text)}</div></div>`;
}

/** A self-contained HTML page (no external assets, all text escaped) of a report. */
export function renderHtmlReport(report: EvalReport): string {
  const misses = report.items.filter((i) => i.misses.length > 0);
  const charts = CHARTED.map((m) => barChart(m, report.byCategory)).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Eval report · ${e(report.run.pipeline)}</title>
<style>${STYLE}</style></head><body>
<h1>Eval report · ${e(report.run.pipeline)}</h1>
<p class="small">${e(report.run.createdAt)} · gold: ${e(report.run.gold.join(', '))} · k=${report.run.k} · provider: ${e(report.run.provider)}</p>
${headline(report.summary)}
${report.judge ? judgeHeadline(report.judge) : ''}
${report.pipelines ? pipelinesTable(report.pipelines) : ''}
<h2>By category</h2><div class="charts">${charts}</div>
${missKindTable(report.halves[report.run.pipeline])}
<h2>Misses (${misses.length} of ${report.items.length})</h2>
${misses.map(missBlock).join('\n')}
${report.judge ? judgeFlags(report.items) : ''}
</body></html>
`;
}
