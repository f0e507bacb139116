import { loadLexicon } from './lexicon-files.js';

/**
 * The alternatives of a normalised term in the built-in lexicon (lexicon/*.tsv), without weights
 * and excluding the term itself: both ways for `=` rows (社保 ↔ 社会保险), one way for `>` rows
 * (打车 → 出租汽车). For callers that only need the words; queries use `Tokenizer.tokenizeQuery`,
 * which also carries the weights.
 */
export function synonymsOf(term: string): readonly string[] {
  return loadLexicon()
    .alternativesOf(term)
    .map((a) => a.term);
}
