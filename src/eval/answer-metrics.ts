import { head, type MetricResult } from './metric.js';
import { contentChars, f1, lcsLength, normaliseForMatch } from './text-measures.js';

/** charF1 at or above this counts as a pass (the per-item flag; the mean score is what is reported). */
export const CHAR_F1_PASS = 0.5;
/** ROUGE-L F at or above this counts as a pass. */
export const ROUGE_L_PASS = 0.4;

/**
 * Share of key points the answer states. A key point counts when it appears in the answer after
 * normalisation (width, case, whitespace, citation markers): "54项" matches "54 项" and "５４项".
 * No key points: passes with score 1. Passes only when every key point is present.
 */
export function keyPointRecall(answer: string, keyPoints: string[]): MetricResult {
  if (keyPoints.length === 0) return { pass: true, score: 1, reason: 'no key points' };
  const text = normaliseForMatch(answer);
  const missing = keyPoints.filter((kp) => !text.includes(normaliseForMatch(kp)));
  const score = (keyPoints.length - missing.length) / keyPoints.length;
  if (missing.length === 0)
    return { pass: true, score, reason: `all ${keyPoints.length} key points present` };
  return { pass: false, score, reason: `missing key points: ${missing.map((m) => `"${m}"`).join(', ')}` };
}

/**
 * Character-level F1 against the reference (SQuAD-style bag of characters): punctuation,
 * whitespace and citation markers are ignored, full/half width folded.
 */
export function charF1(answer: string, reference: string): MetricResult {
  const pred = contentChars(answer);
  const ref = contentChars(reference);
  if (ref.length === 0) return { pass: true, score: 1, reason: 'empty reference' };
  if (pred.length === 0) return { pass: false, score: 0, reason: 'empty answer' };
  const counts = new Map<string, number>();
  for (const ch of ref) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of pred) {
    const left = counts.get(ch) ?? 0;
    if (left > 0) {
      common++;
      counts.set(ch, left - 1);
    }
  }
  const p = common / pred.length;
  const r = common / ref.length;
  const score = f1(p, r);
  const reason = `P=${p.toFixed(2)} R=${r.toFixed(2)} vs reference "${head(reference)}"`;
  return { pass: score >= CHAR_F1_PASS, score, reason };
}

/** ROUGE-L F-measure (β = 1) over characters, with the same normalisation as charF1. */
export function rougeL(answer: string, reference: string): MetricResult {
  const pred = contentChars(answer);
  const ref = contentChars(reference);
  if (ref.length === 0) return { pass: true, score: 1, reason: 'empty reference' };
  if (pred.length === 0) return { pass: false, score: 0, reason: 'empty answer' };
  const lcs = lcsLength(pred, ref);
  const score = f1(lcs / pred.length, lcs / ref.length);
  const reason = `LCS ${lcs} of ${ref.length} reference chars (answer ${pred.length})`;
  return { pass: score >= ROUGE_L_PASS, score, reason };
}
