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
   * (社保 → 社会保险, 公积金 → 住房公积金 …). Each entry is a group of alternatives; the first is the
   * term as written.
   */
  tokenizeQuery(text: string): string[][];
}
