import type { JudgeSummary } from './judge-result.js';
import { MISS_KIND_LABELS, MISS_KINDS, type MissKind } from './miss-kinds.js';
import type { RetrievalBlock } from './retrieval-metrics.js';
import type { EvalSummary } from './summary.js';

/** Rows of the one-screen table: label and how to read it from a summary. */
const ROWS: [string, (s: EvalSummary) => number | null, 'share' | 'ms' | 'count'][] = [
  ['items', (s) => s.items, 'count'],
  ['answerable', (s) => s.answerable, 'count'],
  ['hit@1', (s) => s.retrieval['hit@1'], 'share'],
  ['hit@3', (s) => s.retrieval['hit@3'], 'share'],
  ['hit@5', (s) => s.retrieval['hit@5'], 'share'],
  ['hit@10', (s) => s.retrieval['hit@10'], 'share'],
  ['mrr@10', (s) => s.retrieval['mrr@10'], 'share'],
  ['keyPointRecall', (s) => s.answer.keyPointRecall, 'share'],
  ['charF1', (s) => s.answer.charF1, 'share'],
  ['rougeL', (s) => s.answer.rougeL, 'share'],
  ['numberFidelity', (s) => s.answer.numberFidelity, 'share'],
  ['citationPrecision', (s) => s.answer.citationPrecision, 'share'],
  ['leadAccuracy', (s) => s.answer.leadAccuracy, 'share'],
  ['refusal accuracy', (s) => s.refusal.accuracy, 'share'],
  ['false refusals', (s) => s.refusal.falseRefusalRate, 'share'],
  ['latency p50 ms', (s) => s.latencyMs.p50, 'ms'],
  ['latency p95 ms', (s) => s.latencyMs.p95, 'ms'],
];

/** Rows added when the LLM judge ran (`--judge`); a pipeline without a judge block shows '–'. */
const JUDGE_ROWS: [string, (j: JudgeSummary) => number | null, 'share' | 'ms' | 'count'][] = [
  ['judge faithfulness', (j) => j.faithfulness, 'share'],
  ['judge relevance', (j) => j.relevance, 'share'],
  ['judge judged', (j) => j.judged, 'count'],
  ['judge failed', (j) => j.failed, 'count'],
];

function cell(v: number | null, kind: 'share' | 'ms' | 'count'): string {
  if (v === null) return '–';
  if (kind === 'share') return v.toFixed(3);
  if (kind === 'ms') return v.toFixed(1);
  return String(v);
}

/** A plain-text table, metrics down, pipelines across (fits one screen for up to ~6 pipelines). */
export function formatSummaryTable(
  summaries: { name: string; summary: EvalSummary; judge?: JudgeSummary; sameDocument?: RetrievalBlock }[],
): string {
  const judged = summaries.some((p) => p.judge);
  const labelWidth = Math.max(
    'hit@5 same doc'.length,
    ...[...ROWS, ...(judged ? JUDGE_ROWS : [])].map(([l]) => l.length),
  );
  const widths = summaries.map((p) => Math.max(8, p.name.length));
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
  const out = [
    line(
      'metric',
      summaries.map((p) => p.name),
    ),
  ];
  out.push('-'.repeat(out[0].length));
  for (const [label, read, kind] of ROWS) {
    out.push(
      line(
        label,
        summaries.map((p) => cell(read(p.summary), kind)),
      ),
    );
  }
  if (summaries.some((p) => p.sameDocument)) {
    // Not counting the copies of a passage's text that the retriever folded in from other documents.
    for (const key of ['hit@1', 'hit@5'] as const) {
      out.push(
        line(
          `${key} same doc`,
          summaries.map((p) => cell(p.sameDocument?.[key] ?? null, 'share')),
        ),
      );
    }
  }
  if (judged) {
    for (const [label, read, kind] of JUDGE_ROWS) {
      out.push(
        line(
          label,
          summaries.map((p) => cell(p.judge ? read(p.judge) : null, kind)),
        ),
      );
    }
  }
  return out.join('\n');
}

/** Columns of the per-category table: label and the CategoryRow key it reads. */
const CATEGORY_COLUMNS: [string, string][] = [
  ['n', 'items'],
  ['hit@5', 'hit@5'],
  ['strict@5', 'hit@5 same doc'],
  ['KPR', 'keyPointRecall'],
  ['refused✓', 'refusalAccuracy'],
  ['falseRef', 'falseRefusalRate'],
];

/**
 * Categories down, each metric for the tune and the check half across, so an evaluator sees where
 * colloquial (or any other kind of) questions stand without reading the JSON.
 */
export function formatCategoryTable(
  halves: Record<'tune' | 'check', { byCategory: Record<string, Record<string, number | null>> }>,
): string {
  const names = [
    ...new Set([...Object.keys(halves.tune.byCategory), ...Object.keys(halves.check.byCategory)]),
  ];
  const labelWidth = Math.max('category'.length, ...names.map((n) => n.length));
  const head = CATEGORY_COLUMNS.flatMap(([label]) => [`${label} t`, `${label} c`]);
  const widths = head.map((h) => Math.max(7, h.length));
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((c, i) => c.padStart(widths[i])).join(' ')}`;
  const out = [line('category', head)];
  out.push('-'.repeat(out[0].length));
  for (const name of names) {
    const cells = CATEGORY_COLUMNS.flatMap(([, key]) =>
      (['tune', 'check'] as const).map((half) => {
        const v = halves[half].byCategory[name]?.[key] ?? null;
        return cell(v, key === 'items' ? 'count' : 'share');
      }),
    );
    out.push(line(name, cells));
  }
  return out.join('\n');
}

/** Misses by kind (miss-kinds.ts), one line per kind: the tune and the check count. */
export function formatMissKindTable(
  halves: Record<'tune' | 'check', { missKinds: Record<MissKind, string[]> }>,
): string {
  const width = Math.max(...MISS_KINDS.map((k) => MISS_KIND_LABELS[k].length));
  const out = [`${'miss kind'.padEnd(width)}   tune  check`];
  for (const kind of MISS_KINDS) {
    out.push(
      `${MISS_KIND_LABELS[kind].padEnd(width)}  ${String(halves.tune.missKinds[kind].length).padStart(5)}  ${String(halves.check.missKinds[kind].length).padStart(5)}`,
    );
  }
  return out.join('\n');
}
