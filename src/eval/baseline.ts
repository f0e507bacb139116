import type { EvalSummary } from './summary.js';

/** A headline metric that got worse than the baseline by more than the allowed drop. */
export interface Regression {
  /** Dotted path in the summary, e.g. 'retrieval.hit@5'. */
  metric: string;
  baseline: number;
  current: number;
  /** How much worse (positive), in the metric's own unit (a share 0..1). */
  worseBy: number;
}

/**
 * Gated headline metrics and their direction. Latency is deliberately *not* gated: on a shared
 * 2-core machine p95 moves by tens of percent between identical runs, so a gate on it would fail
 * at random; it is shown beside the baseline in the report instead.
 */
export const GATED_METRICS: { path: [keyof EvalSummary, string]; higherIsBetter: boolean }[] = [
  { path: ['retrieval', 'hit@1'], higherIsBetter: true },
  { path: ['retrieval', 'hit@3'], higherIsBetter: true },
  { path: ['retrieval', 'hit@5'], higherIsBetter: true },
  { path: ['retrieval', 'hit@10'], higherIsBetter: true },
  { path: ['retrieval', 'mrr@10'], higherIsBetter: true },
  { path: ['answer', 'keyPointRecall'], higherIsBetter: true },
  { path: ['answer', 'charF1'], higherIsBetter: true },
  { path: ['answer', 'rougeL'], higherIsBetter: true },
  { path: ['answer', 'numberFidelity'], higherIsBetter: true },
  { path: ['answer', 'citationPrecision'], higherIsBetter: true },
  { path: ['answer', 'leadAccuracy'], higherIsBetter: true },
  { path: ['refusal', 'accuracy'], higherIsBetter: true },
  { path: ['refusal', 'falseRefusalRate'], higherIsBetter: false },
];

/** Default allowed drop of a gated metric (absolute, on a 0..1 scale). */
export const DEFAULT_MAX_DROP = 0.02;

function read(summary: EvalSummary, [group, key]: [keyof EvalSummary, string]): number | null {
  const block = summary[group] as unknown as Record<string, number | null> | undefined;
  const v = block?.[key];
  return typeof v === 'number' ? v : null;
}

/**
 * Headline metrics that fell more than `maxDrop` below the baseline ("worse" is higher for
 * falseRefusalRate). A metric missing or null on either side is not compared.
 */
export function compareToBaseline(
  summary: EvalSummary,
  baseline: EvalSummary,
  maxDrop = DEFAULT_MAX_DROP,
): Regression[] {
  const out: Regression[] = [];
  // Rounding in the report is to 4 decimals; a tolerance keeps an exact-limit drop from failing.
  const epsilon = 1e-9;
  for (const { path, higherIsBetter } of GATED_METRICS) {
    const base = read(baseline, path);
    const cur = read(summary, path);
    if (base === null || cur === null) continue;
    const worseBy = higherIsBetter ? base - cur : cur - base;
    if (worseBy > maxDrop + epsilon) {
      out.push({
        metric: path.join('.'),
        baseline: base,
        current: cur,
        worseBy: Math.round(worseBy * 1e4) / 1e4,
      });
    }
  }
  return out;
}

/** Lines that say what regressed, one per metric; empty when nothing did. */
export function formatRegressions(regressions: Regression[], maxDrop: number): string[] {
  return regressions.map(
    (r) =>
      `REGRESSION ${r.metric}: ${r.current.toFixed(4)} vs baseline ${r.baseline.toFixed(4)} ` +
      `(worse by ${r.worseBy.toFixed(4)} > ${maxDrop})`,
  );
}

/** Process exit code of the gate: 1 when anything regressed. */
export function gateExitCode(regressions: Regression[]): number {
  return regressions.length > 0 ? 1 : 0;
}
