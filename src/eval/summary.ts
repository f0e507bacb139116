import type { MetricResult } from './metric.js';
import { percentile } from './percentile.js';

/** Latency of a stage: nearest-rank percentiles in milliseconds. */
export interface LatencyStats {
  p50: number;
  p95: number;
}

/**
 * The summary block of report.json. Its keys are fixed (tools read them); a metric no item
 * applies to (e.g. retrieval on a set of unanswerable items only) is `null`.
 */
export interface EvalSummary {
  items: number;
  answerable: number;
  retrieval: {
    'hit@1': number | null;
    'hit@3': number | null;
    'hit@5': number | null;
    'hit@10': number | null;
    'mrr@10': number | null;
  };
  answer: {
    keyPointRecall: number | null;
    charF1: number | null;
    rougeL: number | null;
    numberFidelity: number | null;
    citationPrecision: number | null;
    /** The answer's opening fact (number or yes/no) agrees with the reference (lead-accuracy.ts). */
    leadAccuracy: number | null;
  };
  refusal: { accuracy: number | null; falseRefusalRate: number | null };
  latencyMs: LatencyStats;
}

/** What the summary needs of one evaluated item (see runner.ts for the full row). */
export interface ScoredItem {
  category: string;
  answerable: boolean;
  refused: boolean;
  /** Metric name → result; absent when the metric does not apply to the item. */
  metrics: Partial<Record<MetricName, MetricResult>>;
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
}

export const RETRIEVAL_METRICS = ['hit@1', 'hit@3', 'hit@5', 'hit@10', 'mrr@10'] as const;
export const ANSWER_METRICS = [
  'keyPointRecall',
  'charF1',
  'rougeL',
  'numberFidelity',
  'citationPrecision',
  'leadAccuracy',
] as const;
export type MetricName = (typeof RETRIEVAL_METRICS)[number] | (typeof ANSWER_METRICS)[number] | 'refusal';

export function latencyStats(values: number[]): LatencyStats {
  if (values.length === 0) return { p50: 0, p95: 0 };
  return { p50: round(percentile(values, 50), 1), p95: round(percentile(values, 95), 1) };
}

/** Rounds a reported figure (4 decimals by default). */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Mean score of a metric over the items that carry it; null when none does. */
function mean(items: ScoredItem[], name: MetricName): number | null {
  const scores = items.flatMap((i) => {
    const m = i.metrics[name];
    return m ? [m.score] : [];
  });
  if (scores.length === 0) return null;
  return round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

function share(items: ScoredItem[], pick: (i: ScoredItem) => boolean): number | null {
  if (items.length === 0) return null;
  return round(items.filter(pick).length / items.length);
}

/** Aggregates item rows into the fixed summary shape. */
export function summarise(items: ScoredItem[]): EvalSummary {
  const answerable = items.filter((i) => i.answerable);
  const unanswerable = items.filter((i) => !i.answerable);
  return {
    items: items.length,
    answerable: answerable.length,
    retrieval: {
      'hit@1': mean(items, 'hit@1'),
      'hit@3': mean(items, 'hit@3'),
      'hit@5': mean(items, 'hit@5'),
      'hit@10': mean(items, 'hit@10'),
      'mrr@10': mean(items, 'mrr@10'),
    },
    answer: {
      keyPointRecall: mean(items, 'keyPointRecall'),
      charF1: mean(items, 'charF1'),
      rougeL: mean(items, 'rougeL'),
      numberFidelity: mean(items, 'numberFidelity'),
      citationPrecision: mean(items, 'citationPrecision'),
      leadAccuracy: mean(items, 'leadAccuracy'),
    },
    refusal: {
      accuracy: share(unanswerable, (i) => i.refused),
      falseRefusalRate: share(answerable, (i) => i.refused),
    },
    latencyMs: latencyStats(items.map((i) => i.timings.totalMs)),
  };
}

/** One flat row of numbers per category, for byCategory and the HTML bar charts. */
export type CategoryRow = Record<string, number | null>;

export function flattenSummary(s: EvalSummary): CategoryRow {
  return {
    items: s.items,
    answerable: s.answerable,
    ...s.retrieval,
    ...s.answer,
    refusalAccuracy: s.refusal.accuracy,
    falseRefusalRate: s.refusal.falseRefusalRate,
    latencyP50: s.latencyMs.p50,
    latencyP95: s.latencyMs.p95,
  };
}

/** Summary per category, categories in order of first appearance. */
export function byCategory(items: ScoredItem[]): Record<string, CategoryRow> {
  const groups = new Map<string, ScoredItem[]>();
  for (const item of items) {
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  return Object.fromEntries([...groups].map(([cat, list]) => [cat, flattenSummary(summarise(list))]));
}
