import { toHalfWidth } from './normalise.js';

/**
 * Policy documents put their coined terms in quotation marks: “数字青岛2.0”, “无证明城市”,
 * “人工智能+”. Phrases quoted repeatedly across a corpus are good user-dictionary entries for jieba,
 * which would otherwise cut them into pieces.
 */

/** Options of `mineQuotedTerms`. */
export interface MineQuotedTermsOptions {
  /** Minimum number of occurrences across all texts (default 2). */
  minCount?: number;
  /** Maximum length in UTF-16 units (default 10); the minimum is 2. */
  maxLen?: number;
  /** Minimum share of CJK ideographs among the characters (default 0.5). */
  minCjkShare?: number;
}

// “…” (U+201C/U+201D), "…" (ASCII, after half-width), 「…」, 『…』. Contents may not contain quotes.
const QUOTED = /“([^“”\n]+)”|"([^"\n]+)"|「([^「」\n]+)」|『([^『』\n]+)』/g;

/** Punctuation that marks a quoted sentence or list rather than a term. */
const SENTENCE_PUNCT = /[，。；：！？、,;!?…《》()（）【】\s]/;

const CJK = /\p{Script=Han}/u;

function isTermLike(phrase: string, maxLen: number, minCjkShare: number): boolean {
  if (phrase.length < 2 || phrase.length > maxLen) return false;
  if (SENTENCE_PUNCT.test(phrase)) return false;
  let cjk = 0;
  for (const ch of phrase) if (CJK.test(ch)) cjk++;
  return cjk >= 2 && cjk / [...phrase].length >= minCjkShare;
}

/**
 * Quoted phrases of 2..maxLen characters, mostly CJK, that occur at least `minCount` times
 * across `texts`; most frequent first. Phrases are returned half-width and trimmed.
 */
export function mineQuotedTerms(
  texts: Iterable<string>,
  { minCount = 2, maxLen = 10, minCjkShare = 0.5 }: MineQuotedTermsOptions = {},
): string[] {
  const counts = new Map<string, number>();
  for (const raw of texts) {
    const text = toHalfWidth(raw);
    for (const m of text.matchAll(QUOTED)) {
      const phrase = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (!isTermLike(phrase, maxLen, minCjkShare)) continue;
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([term]) => term);
}
