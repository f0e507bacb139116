/**
 * Character-level text measures for Chinese answers. Chinese has no spaces, so characters are
 * the unit (as in the CMRC/DuReader F1 and in ROUGE-L over characters).
 */

/** Citation markers the answerers put into text: [1], [12], ［3］. */
const CITATION_MARKER = /[[［]\s*\d+\s*[\]］]/g;

/** Removes citation markers `[n]`. */
export function stripCitationMarkers(text: string): string {
  return text.replace(CITATION_MARKER, '');
}

/**
 * Normalises for matching: NFKC (full-width letters/digits/punctuation → half-width), lower case,
 * no whitespace, no citation markers.
 */
export function normaliseForMatch(text: string): string {
  return stripCitationMarkers(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The characters that carry content: as `normaliseForMatch`, then punctuation dropped. */
export function contentChars(text: string): string[] {
  return [...normaliseForMatch(text).replace(/\p{P}/gu, '')];
}

/** Distinct adjacent-character pairs of the content characters (a single char counts as itself). */
export function charBigrams(text: string): Set<string> {
  const chars = contentChars(text);
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Length of the longest common subsequence of two character arrays (O(n·m) time, O(m) memory). */
export function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Harmonic mean of precision and recall (0 when both are 0). */
export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
