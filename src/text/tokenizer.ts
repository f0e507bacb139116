/**
 * A tokenizer turns Chinese (and mixed) text into index terms. The production implementation
 * is `JiebaTokenizer` (nodejieba) in `jieba-tokenizer.ts`; `id` goes into the index manifest so an
 * index is never queried with a tokenizer that did not build it.
 */
export interface Tokenizer {
  /** Stable identity including dictionary version, e.g. 'jieba-3.5.8+gov-dict-1'. */
  readonly id: string;
  /** Terms for indexing: normalised, digit/Latin runs merged (5G-A, 4.5万, 2025), stopwords removed. */
  tokenize(text: string): string[];
  /**
   * Terms for a query: as `tokenize`, plus the official forms of colloquial words
   * (社保 → 社会保险, 打车 → 出租汽车 …, from the lexicon). Each entry is a group of alternatives;
   * the first is the term as written. A group may carry a weight per alternative (`QueryGroup`).
   */
  tokenizeQuery(text: string): QueryGroup[];
  /**
   * Loads what the tokenizer would otherwise load on its first texts (jieba's whole dictionary),
   * for a service to call before it serves; absent when there is nothing to load.
   */
  loadDictionary?(): void;
}

/**
 * A query term group: alternatives, the first as written, and optionally a weight per alternative
 * (`weights[i]` multiplies alternative i's BM25 score; 1 for the word as asked, the lexicon's
 * weight for an expansion). It is a plain string array, so code that only reads the terms is
 * unchanged; without `weights` the search uses 1 for the first and `synonymWeight` for the others.
 */
export type QueryGroup = string[] & { readonly weights?: readonly number[] };

/**
 * A query group of `terms` with `weights` (one per term). The weights are a non-enumerable
 * property: the group still compares, prints and serialises as the plain list of terms.
 */
export function queryGroup(terms: readonly string[], weights: readonly number[]): QueryGroup {
  return Object.defineProperty([...terms], 'weights', {
    value: Object.freeze([...weights]),
    enumerable: false,
  });
}

/** The weight of alternative `index` of `group`: its own weight, else 1 for the first and `fallback` for the others. */
export function alternativeWeight(group: readonly string[], index: number, fallback: number): number {
  const own = (group as QueryGroup).weights?.[index];
  return own ?? (index === 0 ? 1 : fallback);
}

/**
 * `group` with `extra` alternatives appended (a term already in the group is skipped), its own
 * alternatives keeping their weights (`alternativeWeight`, with `fallback` where unset).
 */
export function withAlternatives(
  group: readonly string[],
  extra: readonly { term: string; weight: number }[],
  fallback: number,
): QueryGroup {
  const terms = [...group];
  const weights = group.map((_, i) => alternativeWeight(group, i, fallback));
  for (const { term, weight } of extra) {
    if (terms.includes(term)) continue;
    terms.push(term);
    weights.push(weight);
  }
  return queryGroup(terms, weights);
}
