/**
 * BM25 scoring as pure functions (Robertson & Zaragoza, "The Probabilistic Relevance Framework:
 * BM25 and Beyond", 2009; the idf is Lucene's non-negative variant).
 */

/** Parameters of BM25 and of query-synonym handling. */
export interface Bm25Params {
  /**
   * Term-frequency saturation. Range [0, 3]; 0 ignores tf, larger values let repeated terms keep
   * adding score. Default 0.5: a passage holding more of the question's distinct terms should beat
   * one repeating a single term (ncpqa-dev over the full corpus, hybrid: hit@1 0.61 → 0.68 and
   * hit@5 0.85 → 0.87 against the textbook 1.2 / 0.75; flat between k1 0.3–0.5, b 0.2–0.4).
   */
  k1: number;
  /**
   * Length normalisation. Range [0, 1]; 0 ignores chunk length, 1 normalises fully. Default 0.3:
   * chunks are already bounded (≤ 480 characters), so length says little about relevance.
   */
  b: number;
  /**
   * Multiplier for a query term's alternatives after the first when the group carries no weights
   * of its own (`QueryGroup`; the jieba tokenizer gives the lexicon's weights). Range [0, 1]; 1
   * treats a synonym like the term as written. Default 0.9: official forms are what the documents use, so they should nearly
   * count in full, but a match on the user's own word ranks first when scores otherwise tie.
   */
  synonymWeight: number;
}

export const DEFAULT_BM25_PARAMS: Readonly<Bm25Params> = Object.freeze({
  k1: 0.5,
  b: 0.3,
  synonymWeight: 0.9,
});

/**
 * Inverse document frequency: `ln(1 + (N - df + 0.5) / (df + 0.5))`. Always ≥ 0; a term no
 * document contains (df = 0) gets the maximum, `ln(1 + (N + 0.5) / 0.5)`.
 */
export function bm25Idf(totalDocs: number, docFreq: number): number {
  return Math.log(1 + (totalDocs - docFreq + 0.5) / (docFreq + 0.5));
}

/**
 * The term-frequency part of BM25 for one term in one document:
 * `tf · (k1 + 1) / (tf + k1 · (1 − b + b · dl / avgdl))`. Multiply by the idf for the term score.
 */
export function bm25TermFrequency(
  tf: number,
  docLength: number,
  avgDocLength: number,
  params: Pick<Bm25Params, 'k1' | 'b'>,
): number {
  if (tf <= 0) return 0;
  const { k1, b } = params;
  const norm = avgDocLength > 0 ? 1 - b + (b * docLength) / avgDocLength : 1;
  return (tf * (k1 + 1)) / (tf + k1 * norm);
}
