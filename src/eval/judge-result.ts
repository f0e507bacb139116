import type { LoadedGoldItem } from './gold.js';
import type { MetricResult } from './metric.js';
import type { PipelineOutput } from './pipeline.js';

/** A judged metric: the model's 1–5 rating, normalised to `score` = (rating − 1) / 4. */
export interface JudgeMetric extends MetricResult {
  rating: number;
}

/**
 * The judge's verdict on one item. `failed` (provider error or malformed reply) carries the error as
 * both metrics' reason and is left out of the averages; `skipped` items were never sent.
 */
export type ItemJudgement =
  | { status: 'judged'; faithfulness: JudgeMetric; relevance: JudgeMetric }
  | { status: 'failed'; error: string; faithfulness: MetricResult; relevance: MetricResult }
  | { status: 'skipped'; reason: string };

/** What the judge may know of a gold item: never the gold answer (it judges against the passages). */
export type JudgedQuestion = Pick<LoadedGoldItem, 'id' | 'question' | 'answerable'>;

/** Judges one pipeline output. Implementations never throw: failures become `failed` verdicts. */
export interface ItemJudge {
  /** The chat model's id, e.g. `openai:qwen-plus`, recorded in the report. */
  readonly model: string;
  judge(item: JudgedQuestion, output: PipelineOutput): Promise<ItemJudgement>;
}

/** The `judge` block of a pipeline: averages over the items actually judged. */
export interface JudgeSummary {
  model: string;
  judged: number;
  failed: number;
  skipped: number;
  /** Mean normalised faithfulness (0..1) over judged items; null when none was judged. */
  faithfulness: number | null;
  /** Mean normalised relevance (0..1) over judged items; null when none was judged. */
  relevance: number | null;
  /** Share of judged items rated 4 or 5. */
  passRate: { faithfulness: number | null; relevance: number | null };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Aggregates per-item verdicts; items without a verdict (judge off) count as skipped. */
export function summariseJudgements(model: string, verdicts: (ItemJudgement | undefined)[]): JudgeSummary {
  const judged = verdicts.filter(
    (v): v is Extract<ItemJudgement, { status: 'judged' }> => v?.status === 'judged',
  );
  const failed = verdicts.filter((v) => v?.status === 'failed').length;
  return {
    model,
    judged: judged.length,
    failed,
    skipped: verdicts.length - judged.length - failed,
    faithfulness: mean(judged.map((v) => v.faithfulness.score)),
    relevance: mean(judged.map((v) => v.relevance.score)),
    passRate: {
      faithfulness: mean(judged.map((v) => (v.faithfulness.pass ? 1 : 0))),
      relevance: mean(judged.map((v) => (v.relevance.pass ? 1 : 0))),
    },
  };
}
