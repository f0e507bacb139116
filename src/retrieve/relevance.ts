import { generalRarity } from '../text/general-rarity.js';

/**
 * The "nothing relevant" signal. A question is covered when the best passages contain most of its
 * informative terms, weighted by inverse document frequency: a question about 居住证 asked of a
 * corpus that never mentions 居住证 has its most informative term uncovered, whatever else matches.
 */
export interface CoverageInput {
  /** Topical query term groups (alternatives per group). */
  groups: string[][];
  /** IDF per term (the store's `idf`). */
  idf: Map<string, number>;
  /** Normalised text of the passages to check (e.g. the top 3), with their words when known. */
  texts: string[];
  /** Segmented words of each text (Tokenizer.words); without them, terms match as substrings. */
  words?: string[][];
}

/**
 * Whether a passage holds a query term. With the passage's words, a term counts when it is a word
 * or the end of one: Chinese compounds put their head last, so 住房公积金 is a kind of 公积金 and
 * 居民身份证 a kind of 身份证, but 居住证明 (a residence certificate) is not a 居住证 (residence
 * permit) — plain substring matching took it for one and answered a question the corpus does not cover.
 */
export function holdsTerm(term: string, text: string, words?: string[]): boolean {
  if (!words) return text.includes(term);
  return words.some((w) => w === term || (w.length > term.length && w.endsWith(term)));
}

/**
 * How much each query term group says about the topic: the corpus IDF of its least informative
 * alternative (a colloquial word unknown to the corpus must not outweigh the official synonym it
 * does use), times the word's rarity in general Chinese (so that ordinary words the corpus happens
 * not to use — 安排, 目标, 部门 — weigh little, while 居住证 weighs fully).
 */
export function termWeights(groups: string[][], idf: Map<string, number>): number[] {
  return groups.map((group) => Math.min(...group.map((t) => (idf.get(t) ?? 0) * generalRarity(t))));
}

/** 0..1: weighted share of the query groups found in any of the texts (see `termWeights`). Pure. */
export function idfCoverage({ groups, idf, texts, words }: CoverageInput): number {
  let total = 0;
  let covered = 0;
  const weights = termWeights(groups, idf);
  for (const [i, group] of groups.entries()) {
    const weight = weights[i];
    if (weight <= 0) continue;
    total += weight;
    if (group.some((term) => texts.some((text, t) => holdsTerm(term, text, words?.[t])))) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Default relevance threshold on `idfCoverage`, 0..1. Measured on the dev sets (README "Refusal
 * calibration"): answerable ncpqa-dev questions over the full corpus fall below 0.4 / 0.5 / 0.6 in
 * 4.7 % / 10.3 % / 15.3 % of cases, while the seed-dev questions the corpus does not cover score
 * 0.27, 0.46, 0.80, 0.86 — the last two are covered word for word (a lexical signal cannot see that
 * "GDP growth target" is not "GDP share target"). 0.5 trades the two.
 */
export const DEFAULT_MIN_COVERAGE = 0.5;
