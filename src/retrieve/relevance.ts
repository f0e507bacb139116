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
  /** Normalised text of the passages to check (e.g. the top 3). */
  texts: string[];
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
export function idfCoverage({ groups, idf, texts }: CoverageInput): number {
  let total = 0;
  let covered = 0;
  const weights = termWeights(groups, idf);
  for (const [i, group] of groups.entries()) {
    const weight = weights[i];
    if (weight <= 0) continue;
    total += weight;
    if (group.some((term) => texts.some((text) => text.includes(term)))) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * Default relevance threshold on `idfCoverage`, 0..1. Set from the dev sets' answerable vs
 * unanswerable items (`npm run eval`, README "Refusal calibration").
 */
export const DEFAULT_MIN_COVERAGE = 0.6;
