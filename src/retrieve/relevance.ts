import { allOfParts } from '../text/all-of-terms.js';
import { generalFrequency, generalRarity } from '../text/general-rarity.js';

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
  /** Normalised text of the passages to check (e.g. the top 3), as indexed. */
  texts: string[];
}

/**
 * Occurrences in jieba's counts from which two adjacent characters read as a word of their own.
 * 证明 (6,425) and 金额 (1,292) are; 岛市 and 证号 (3) are not.
 */
const BOUNDARY_WORD_FREQ = 500;
const HAN = /\p{Script=Han}/u;

/**
 * Whether a text holds a query term as a word, not as the first half of another. Chinese compounds
 * put their head last, so 住房公积金 is a kind of 公积金 and 青岛市 names 青岛: what comes before a
 * term never disqualifies it. What comes after can: in 居住证明 (a residence certificate) the
 * last character of 居住证 pairs with 明 into 证明, so the text speaks of a 证明, not of a 居住证
 * (residence permit) — plain substring matching took it for one and answered a question the corpus
 * does not cover. jieba's own segmentation cannot decide this: it splits 居住证明 either way by
 * context, and it keeps 青岛市 whole, which hid 青岛 from a question about Qingdao.
 */
export function holdsTerm(term: string, text: string): boolean {
  // An all-of term (人力资源+社会保障+部门) is held by its words; one written whole (互联网+政务服务) also whole.
  const parts = allOfParts(term);
  // Its words written as one (互联网上网服务营业场所) hold it, though a part's boundary test would
  // read 互联网上 as …网上 (online).
  if (parts && !text.includes(term))
    return text.includes(parts.join('')) || parts.every((part) => holdsTerm(part, text));
  if (term.length < 2) return text.includes(term);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const next = text[at + term.length];
    if (next === undefined || !HAN.test(next)) return true;
    if (generalFrequency(term.slice(-1) + next) < BOUNDARY_WORD_FREQ) return true;
  }
  return false;
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

/**
 * The weighted share of the groups that `holds` (some alternative of the group), and the share of
 * the heaviest group it lacks; groups of weight 0 do not count. `{ share: 0, missing: 1 }` when no
 * group weighs anything.
 */
export function weightedShare(
  groups: readonly string[][],
  weights: readonly number[],
  holds: (term: string) => boolean,
): { share: number; missing: number } {
  let total = 0;
  let covered = 0;
  let missing = 0;
  for (const [i, group] of groups.entries()) {
    const weight = weights[i];
    if (weight <= 0) continue;
    total += weight;
    if (group.some(holds)) covered += weight;
    else missing = Math.max(missing, weight);
  }
  return total === 0 ? { share: 0, missing: 1 } : { share: covered / total, missing: missing / total };
}

/** 0..1: weighted share of the query groups found in any of the texts (see `termWeights`). Pure. */
export function idfCoverage({ groups, idf, texts }: CoverageInput): number {
  const holds = (term: string) => texts.some((text) => holdsTerm(term, text));
  return weightedShare(groups, termWeights(groups, idf), holds).share;
}

/**
 * Default relevance threshold on the best passage's coverage (after the place and asked-quantity
 * factors of coverage-factors.ts), 0..1. Measured (docs/evaluation.md, "Refusal calibration"): answerable
 * ncpqa-dev questions over the full corpus fall below 0.4 / 0.5 / 0.6 in 1.3 % / 3.7 % / 7.7 % of
 * cases; the four seed-dev questions the Qingdao subset does not cover score 0.27–0.46.
 */
export const DEFAULT_MIN_COVERAGE = 0.5;
