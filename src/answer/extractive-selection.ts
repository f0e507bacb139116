import type { Passage } from '../domain.js';
import { asksForList, asksForNumber } from '../retrieve/query-terms.js';
import { termWeights } from '../retrieve/relevance.js';
import { normaliseForIndex } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';

/** A sentence of a passage that may answer the question; offsets are into the document text. */
export interface ScoredSentence {
  passageIndex: number;
  start: number;
  end: number;
  text: string;
  score: number;
  /** Indexes of the query term groups the sentence contains. */
  covers: number[];
}

export interface SelectionParams {
  /** Passages whose sentences are considered, default 4. */
  depth?: number;
  /** Sentences in an answer, default 3 (5 for list questions). */
  maxSentences?: number;
  /** Characters in an answer before markers, default 320. */
  maxChars?: number;
  /** A further sentence must score at least this share of the best one, 0..1, default 0.7. */
  keepRatio?: number;
}

const DIGIT = /\d|[一二三四五六七八九十百千万亿]+[项个家处条年月日%％]/;

/**
 * Scores every sentence of the top passages by the IDF-weighted share of the question's term
 * groups it contains, with a small prior for the passage rank and bonuses for numbers (多少/几/何时
 * questions) and enumerations (哪些 questions). Pure given its inputs.
 */
export function scoreSentences(
  question: string,
  passages: Passage[],
  groups: string[][],
  idf: Map<string, number>,
  depth = 4,
): ScoredSentence[] {
  const weights = termWeights(groups, idf);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const wantsNumber = asksForNumber(question);
  const wantsList = asksForList(question);
  const scored: ScoredSentence[] = [];
  passages.slice(0, depth).forEach((passage, passageIndex) => {
    const { chunk } = passage;
    for (const span of splitSentences(chunk.text)) {
      // Leading bullets and spaces are page layout, not part of what is quoted.
      let from = span.start;
      while (from < span.end && /[\s•·●▪■◆*-]/.test(chunk.text[from])) from += 1;
      const text = chunk.text.slice(from, span.end);
      const norm = normaliseForIndex(text);
      if (norm.length < 4) continue;
      let covered = 0;
      const covers: number[] = [];
      groups.forEach((group, i) => {
        if (group.some((term) => norm.includes(term))) {
          covered += weights[i];
          covers.push(i);
        }
      });
      let score = covered / total;
      if (score === 0) continue;
      if (wantsNumber && DIGIT.test(norm)) score += 0.15;
      if (wantsList && /[、；;]/.test(norm)) score += 0.1;
      if (norm.length < 12) score -= 0.15;
      score *= 1 - 0.04 * passageIndex;
      scored.push({
        passageIndex,
        start: chunk.start + from,
        end: chunk.start + span.end,
        text,
        score,
        covers,
      });
    }
  });
  return scored.sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.start - b.start);
}

/**
 * Picks the answer sentences: the best one, then close seconds that add a query term the chosen
 * ones lack (for list questions, any close second), within the size bounds. Pure.
 */
export function selectSentences(
  question: string,
  scored: ScoredSentence[],
  { maxSentences, maxChars = 320, keepRatio = 0.7 }: SelectionParams = {},
): ScoredSentence[] {
  const limit = maxSentences ?? (asksForList(question) ? 5 : 3);
  const best = scored[0];
  if (!best) return [];
  const chosen: ScoredSentence[] = [best];
  const covered = new Set(best.covers);
  const wantsList = asksForList(question);
  let chars = best.text.length;
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= limit) break;
    if (candidate.score < best.score * keepRatio) break;
    if (chars + candidate.text.length > maxChars) continue;
    const norm = normaliseForIndex(candidate.text);
    const repeat = chosen.some(
      (c) =>
        (c.start < candidate.end && candidate.start < c.end && c.passageIndex === candidate.passageIndex) ||
        normaliseForIndex(c.text) === norm,
    );
    if (repeat) continue;
    if (!wantsList && candidate.covers.every((g) => covered.has(g))) continue;
    for (const g of candidate.covers) covered.add(g);
    chosen.push(candidate);
    chars += candidate.text.length;
  }
  return chosen.sort((a, b) => a.passageIndex - b.passageIndex || a.start - b.start);
}
