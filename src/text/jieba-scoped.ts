import type { JiebaWordTable } from './jieba-word-table.js';

/**
 * What a scoped jieba dictionary holds: only the words a text contains, weighed exactly as the whole
 * dictionary weighs them. cppjieba's segmenters only ever look up substrings of the text they cut,
 * so a dictionary of those words (main and user) cuts the text as the whole one does, given the
 * same total and smallest frequency. Loading one costs milliseconds; the whole one ~1.5 s.
 */

/** Prefix look-ups remembered per table: the same characters recur in question after question. */
const LOOKUPS_MAX = 200_000;
const lookups = new WeakMap<JiebaWordTable, Map<string, string | undefined>>();

function prefixLine(table: JiebaWordTable, prefix: string): string | undefined {
  let memo = lookups.get(table);
  if (!memo) {
    memo = new Map();
    lookups.set(table, memo);
  }
  if (memo.has(prefix)) return memo.get(prefix);
  const line = table.prefixLine(prefix);
  if (memo.size >= LOOKUPS_MAX) memo.clear();
  memo.set(prefix, line);
  return line;
}

/**
 * The main-dictionary words inside `text`, with their lines: every substring that is a word,
 * found by walking prefixes (a prefix no word starts with ends the walk).
 */
export function dictionaryWordsIn(text: string, table: JiebaWordTable): Map<string, string> {
  const chars = [...text];
  const words = new Map<string, string>();
  for (let i = 0; i < chars.length; i++) {
    let candidate = '';
    for (let j = i; j < chars.length && j - i < table.longestWord; j++) {
      candidate += chars[j];
      const line = prefixLine(table, candidate);
      if (line === undefined) break;
      if (line !== '') words.set(candidate, line);
    }
  }
  return words;
}

/** A user dictionary by term, to find the terms a text contains. */
export interface UserTerms {
  lines: Map<string, string>;
  /** Longest term, in UTF-16 units. */
  longest: number;
}

/** Indexes user-dictionary lines (`term freq tag`) by term. */
export function userTermsOf(lines: readonly string[]): UserTerms {
  const byTerm = new Map<string, string>();
  let longest = 0;
  for (const line of lines) {
    const space = line.indexOf(' ');
    const term = space < 0 ? line : line.slice(0, space);
    if (term.length === 0) continue;
    byTerm.set(term, line);
    longest = Math.max(longest, term.length);
  }
  return { lines: byTerm, longest };
}

/** The user terms inside `text`, with their lines. */
export function userTermsIn(text: string, terms: UserTerms): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    const end = Math.min(text.length, i + terms.longest);
    for (let j = i + 1; j <= end; j++) {
      const term = text.slice(i, j);
      const line = terms.lines.get(term);
      if (line !== undefined) found.set(term, line);
    }
  }
  return found;
}

/**
 * Words no text contains (private-use characters; `normaliseForIndex` output never has them): two
 * carry the rest of the total and the smallest frequency, one keeps a user file from being empty.
 */
const FILLER_WORD = '\uf8f0\uf8f1';
const SMALLEST_WORD = '\uf8f0\uf8f2';
const USER_FILLER = '\uf8f0\uf8f3 1 x';

/**
 * Main-dictionary lines that cppjieba weighs exactly as the whole dictionary does: a word's weight
 * is ln(freq / total) and a character missing from the dictionary weighs ln(smallest / total), so
 * two filler lines keep the total and the smallest frequency of the whole file.
 */
export function scopedMainLines(words: Map<string, string>, table: JiebaWordTable): string[] {
  const lines: string[] = [];
  let sum = 0;
  for (const line of words.values()) {
    lines.push(line);
    sum += Number.parseFloat(line.slice(line.indexOf(' ') + 1));
  }
  lines.push(`${SMALLEST_WORD} ${table.minFrequency} x`);
  lines.push(`${FILLER_WORD} ${table.total - sum - table.minFrequency} x`);
  return lines;
}

/** User-dictionary lines of a scoped load (user words do not count towards the total). */
export function scopedUserLines(terms: Map<string, string>): string[] {
  return [...terms.values(), USER_FILLER];
}
