import type { MetricResult } from './metric.js';

/** What the refusal metrics need of an item. */
export interface RefusalOutcome {
  id: string;
  answerable: boolean;
  refused: boolean;
}

/** One item: right when it refused an unanswerable question or answered an answerable one. */
export function refusalCorrect(outcome: RefusalOutcome): MetricResult {
  if (outcome.answerable) {
    return outcome.refused
      ? { pass: false, score: 0, reason: 'refused an answerable question (false refusal)' }
      : { pass: true, score: 1, reason: 'answered an answerable question' };
  }
  return outcome.refused
    ? { pass: true, score: 1, reason: 'refused an unanswerable question' }
    : { pass: false, score: 0, reason: 'answered a question the documents do not cover' };
}

function idList(ids: string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} … (+${ids.length - 8})`;
}

/** Share of unanswerable items that were refused. No unanswerable items: passes with score 1. */
export function refusalAccuracy(outcomes: RefusalOutcome[]): MetricResult {
  const un = outcomes.filter((o) => !o.answerable);
  if (un.length === 0) return { pass: true, score: 1, reason: 'no unanswerable items' };
  const answered = un.filter((o) => !o.refused).map((o) => o.id);
  const score = (un.length - answered.length) / un.length;
  if (answered.length === 0)
    return { pass: true, score, reason: `refused all ${un.length} unanswerable items` };
  return { pass: false, score, reason: `answered unanswerable items: ${idList(answered)}` };
}

/** Share of answerable items that were refused (lower is better); `pass` when none was. */
export function falseRefusalRate(outcomes: RefusalOutcome[]): MetricResult {
  const ans = outcomes.filter((o) => o.answerable);
  if (ans.length === 0) return { pass: true, score: 0, reason: 'no answerable items' };
  const refused = ans.filter((o) => o.refused).map((o) => o.id);
  const score = refused.length / ans.length;
  if (refused.length === 0) return { pass: true, score, reason: 'no answerable item was refused' };
  return { pass: false, score, reason: `refused answerable items: ${idList(refused)}` };
}
