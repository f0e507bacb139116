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
