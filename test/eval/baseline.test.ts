import { describe, expect, it } from 'vitest';
import { compareToBaseline, formatRegressions, gateExitCode } from '../../src/eval/baseline.js';
import type { EvalSummary } from '../../src/eval/summary.js';

function summary(
  over: { hit5?: number; frr?: number; p95?: number; kpr?: number | null; lead?: number } = {},
): EvalSummary {
  return {
    items: 10,
    answerable: 8,
    retrieval: { 'hit@1': 0.8, 'hit@3': 0.9, 'hit@5': over.hit5 ?? 0.95, 'hit@10': 1, 'mrr@10': 0.85 },
    answer: {
      keyPointRecall: over.kpr === undefined ? 0.9 : over.kpr,
      charF1: 0.6,
      rougeL: 0.5,
      numberFidelity: 1,
      citationPrecision: 0.9,
      leadAccuracy: over.lead ?? 0.8,
    },
    refusal: { accuracy: 1, falseRefusalRate: over.frr ?? 0 },
    latencyMs: { p50: 10, p95: over.p95 ?? 20 },
  };
}

describe('baseline gate', () => {
  it('passes when nothing fell more than maxDrop (a drop of exactly maxDrop passes)', () => {
    const r = compareToBaseline(summary({ hit5: 0.93 }), summary(), 0.02);
    expect(r).toEqual([]);
    expect(gateExitCode(r)).toBe(0);
  });

  it('fails with exit code 1 and names each metric that fell', () => {
    const r = compareToBaseline(summary({ hit5: 0.9, frr: 0.1 }), summary(), 0.02);
    expect(r.map((x) => x.metric)).toEqual(['retrieval.hit@5', 'refusal.falseRefusalRate']);
    expect(gateExitCode(r)).toBe(1);
    expect(formatRegressions(r, 0.02)).toEqual([
      'REGRESSION retrieval.hit@5: 0.9000 vs baseline 0.9500 (worse by 0.0500 > 0.02)',
      'REGRESSION refusal.falseRefusalRate: 0.1000 vs baseline 0.0000 (worse by 0.1000 > 0.02)',
    ]);
  });

  it('does not gate latency, improvements, or metrics that are null on one side', () => {
    expect(compareToBaseline(summary({ p95: 5000, hit5: 1, frr: 0 }), summary({ frr: 0.2 }))).toEqual([]);
    expect(compareToBaseline(summary({ kpr: null }), summary())).toEqual([]);
  });

  it('gates lead accuracy, and skips it against a baseline written before it existed', () => {
    expect(compareToBaseline(summary({ lead: 0.7 }), summary()).map((x) => x.metric)).toEqual([
      'answer.leadAccuracy',
    ]);
    const old = summary();
    delete (old.answer as Partial<EvalSummary['answer']>).leadAccuracy;
    expect(compareToBaseline(summary({ lead: 0.1 }), old)).toEqual([]);
  });
});
