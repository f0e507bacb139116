import type { Passage } from '../domain.js';
import type { StoreHit } from '../index/search-store.js';
import { isStructuredUnit } from '../text/guide-fields.js';
import { isPlaceGroup } from '../text/place-names.js';
import { holdsTerm, termWeights, weightedShare } from './relevance.js';

/**
 * What the answerability model (answerability-model.ts) reads of one retrieval. Every feature is
 * a number of about unit range, computed from the ranked passages and the query's term groups, so
 * the same fitted weights serve any index size.
 */
export interface AnswerabilityFeatures {
  /** Best IDF-weighted share of the question's topical term groups held by one of the top passages. */
  coverage: number;
  /** The same for the first passage only. */
  coverageTop1: number;
  /** Share of the total weight of the heaviest term group the best passage lacks (0 when it lacks none). */
  heaviestMissing: number;
  /** Share of the weight held by the best passage's heading path (title, chapter, article, field). */
  headingCoverage: number;
  /** 1 when the question names a place and the best passage's document is about other places. */
  placeMismatch: number;
  /** 1 when the question asks for a named quantity (增长目标是多少) that none of the top passages names. */
  quantityMissing: number;
  /** First BM25 score over the sum of the query groups' IDF (bounded 0..2): how strongly it matched. */
  bm25Strength: number;
  /** (first − second BM25 score) / first: a clear winner or a crowd of equals. */
  bm25Margin: number;
  /** Cosine similarity of the first vector hit (0 without vectors). */
  vectorTop: number;
  /** ln(1 + number of topical term groups). */
  termCount: number;
  /**
   * coverage × termCount: how much of the question the best passage holds, not only which share. A
   * citizen's long question adds scene words no rule uses (电钻, 午觉, 结账), which lower the share;
   * holding five of its twelve words says more than holding one of two.
   */
  coveredTerms: number;
  /** 1 when the best passage is a structured unit: a law article or a guide field. */
  structured: number;
  /**
   * Share of the first five passages that belong to the first passage's document: a question the
   * documents answer draws several articles of one rule; words scattered over unrelated documents
   * (a wrong document, an absent topic) draw one passage from each.
   */
  documentAgreement: number;
}

export const FEATURE_NAMES = [
  'coverage',
  'coverageTop1',
  'heaviestMissing',
  'headingCoverage',
  'placeMismatch',
  'quantityMissing',
  'bm25Strength',
  'bm25Margin',
  'vectorTop',
  'termCount',
  'coveredTerms',
  'structured',
  'documentAgreement',
] as const satisfies readonly (keyof AnswerabilityFeatures)[];

export interface FeatureInput {
  /** Topical query term groups (alternatives per group). */
  groups: string[][];
  idf: Map<string, number>;
  /** Ranked passages with their normalised indexed text (heading path + text). */
  passages: { passage: Passage; text: string; heading: string }[];
  bm25: StoreHit[];
  vector: StoreHit[];
  /** Per passage: 1 when the question's place does not fit its document (see coverage-factors.ts placeFactor). */
  placeMismatch: (p: Passage) => boolean;
  /** Per passage text: 1 when the asked quantity is not named. */
  quantityMissing: (text: string) => boolean;
  /**
   * The asked quantity belongs to the question's matter (a time of day): it counts only in a
   * passage that also holds the heaviest question word some top passage holds. A bus station's
   * 二十二时至次日五时 does not say when the metro's last train leaves.
   */
  quantityOfTopic?: boolean;
  /** Passages examined for coverage, default 3. */
  depth?: number;
}

/** Weighted share of groups held by `text`, and the heaviest missing group's share. */
function held(groups: string[][], weights: number[], text: string): { share: number; missing: number } {
  return weightedShare(groups, weights, (term) => holdsTerm(term, text));
}

/** Passages read for the document agreement. */
const AGREEMENT_DEPTH = 5;

/**
 * Share of the first AGREEMENT_DEPTH passages from the first one's document (0 without passages);
 * a shorter list counts its missing places as other documents. Pure.
 */
export function documentAgreement(passages: readonly Passage[]): number {
  const first = passages[0]?.chunk.docId;
  if (first === undefined) return 0;
  const head = passages.slice(0, AGREEMENT_DEPTH);
  return head.filter((p) => p.chunk.docId === first).length / AGREEMENT_DEPTH;
}

/** Features of one retrieval. Pure. */
export function answerabilityFeatures(input: FeatureInput): AnswerabilityFeatures {
  const { idf, passages, bm25, vector, depth = 3 } = input;
  // Place agreement is its own feature (placeMismatch); counted in coverage as well, a place would
  // lower the coverage of a national law answering "在青岛…" although the law holds there.
  const topical = input.groups.filter((g) => !isPlaceGroup(g));
  const groups = topical.length > 0 ? topical : input.groups;
  const weights = termWeights(groups, idf);
  const top = passages.slice(0, depth).map((p) => ({ ...p, ...held(groups, weights, p.text) }));
  const best = top.reduce<(typeof top)[number] | undefined>(
    (a, b) => (a === undefined || b.share > a.share ? b : a),
    undefined,
  );
  const idfSum = groups.reduce((sum, g) => sum + Math.max(0, ...g.map((t) => idf.get(t) ?? 0)), 0);
  // The heaviest question word that one of the top passages holds (words no passage holds say
  // nothing about which passage is on the matter).
  const heldBySome = groups.map((g) => top.some((p) => g.some((t) => holdsTerm(t, p.text))));
  const topic = groups
    .map((g, i) => ({ g, w: weights[i], held: heldBySome[i] }))
    .filter((x) => x.held)
    .sort((a, b) => b.w - a.w)[0]?.g;
  const namesQuantity = (text: string) =>
    !input.quantityMissing(text) &&
    (!input.quantityOfTopic || !topic || topic.some((t) => holdsTerm(t, text)));
  const termCount = Math.log1p(groups.length);
  const b1 = bm25[0]?.score ?? 0;
  const b2 = bm25[1]?.score ?? 0;
  return {
    coverage: best?.share ?? 0,
    coverageTop1: top[0]?.share ?? 0,
    heaviestMissing: best?.missing ?? 1,
    headingCoverage: best ? held(groups, weights, best.heading).share : 0,
    placeMismatch: best && input.placeMismatch(best.passage) ? 1 : 0,
    // The asked quantity must be named by one of the top passages, not necessarily by the one
    // holding most terms: "停水…得提前多久告诉我们" is answered by the city's 提前四十八小时通知 while
    // the national rule's penalty article holds more of the words (measured 2026-11-30, tune
    // halves: citizen-qd-dev false refusals 0.261 → 0.217, service-guide-dev 0.037 → 0.000,
    // refusal of unanswerable items unchanged).
    quantityMissing: top.length > 0 && !top.some((p) => namesQuantity(p.text)) ? 1 : 0,
    bm25Strength: idfSum > 0 ? Math.min(2, b1 / idfSum) : 0,
    bm25Margin: b1 > 0 ? (b1 - b2) / b1 : 0,
    vectorTop: Math.max(0, vector[0]?.score ?? 0),
    termCount,
    coveredTerms: (best?.share ?? 0) * termCount,
    structured: best && isStructuredUnit(best.passage.chunk) ? 1 : 0,
    documentAgreement: documentAgreement(passages.map((p) => p.passage)),
  };
}

export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The features a model reads, in its order. bm25Margin, vectorTop and termCount alone depend on
 * the index's size (a one-document index has huge margins) and made a model fitted on 376
 * documents answer injection prompts over the seed alone; they stay out. coveredTerms grows with
 * the question's length only through what a passage holds, and documentAgreement, 1 on a
 * one-document index, was added with them on 2026-12-02 (the seed-gold refusals over the seed alone
 * unchanged, injections now declined before the search; docs/answers.md, twelfth round).
 */
export const MODEL_FEATURES: readonly FeatureName[] = [
  'coverage',
  'coverageTop1',
  'heaviestMissing',
  'headingCoverage',
  'placeMismatch',
  'bm25Strength',
  'coveredTerms',
  'documentAgreement',
];

/** The named features as a vector, in the order given. */
export function featureVector(f: AnswerabilityFeatures, names: readonly string[] = MODEL_FEATURES): number[] {
  return names.map((name) => f[name as FeatureName]);
}
