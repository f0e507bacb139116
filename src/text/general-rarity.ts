import { readFileSync } from 'node:fs';
import { JIEBA_MAIN_DICT, type JiebaWordTable, openJiebaWordTable } from './jieba-word-table.js';

/**
 * How rare a word is in general Chinese, from the word frequencies of jieba's own dictionary
 * (`jieba.dict.utf8`, ~349k words, ~60 M occurrences in total). The corpus IDF alone cannot tell a
 * topical word the corpus lacks (居住证) from an ordinary word it happens not to use (安排, 目标,
 * 部门): both are unknown to it. General rarity can: 居住证 occurs 14 times in jieba's counts, 安排
 * 7,836 times. The counts are read from the cached word table (`jieba-word-table.ts`), one binary
 * search a word, instead of parsing the 5 MB file (~0.4 s per process, measured 2026-11-30).
 */

/** ln(total / freq) at or below which a word counts as common (freq ≳ 55,000: 的, 政府, 建设 …). */
const COMMON_LOG = 7;
/** ln(total / freq) at or above which a word counts as fully rare (freq ≲ 50: 居住证, 零售额). */
const RARE_LOG = 14;
/** Floor of the factor: a common word still counts a little. */
const MIN_FACTOR = 0.1;

/**
 * The word table, opened once per process: `openJiebaWordTable` checks its source file (a stat and
 * a hash of the path) on every call, and rarity is asked for every term of every passage scored.
 */
let table: JiebaWordTable | undefined;
const wordTable = (): JiebaWordTable => {
  table ??= openJiebaWordTable();
  return table;
};

/**
 * A factor in [0.1, 1] for a query term: 1 for words rare in general Chinese or absent from jieba's
 * dictionary (domain terms such as 算力券, numbers), falling linearly in log frequency to 0.1 for
 * the commonest words.
 */
export function generalRarity(term: string): number {
  const freq = wordTable().frequency(term);
  if (freq === undefined) return 1;
  const logRarity = Math.log(wordTable().total / (freq + 1));
  const share = (logRarity - COMMON_LOG) / (RARE_LOG - COMMON_LOG);
  return Math.min(1, Math.max(MIN_FACTOR, share));
}

/** jieba's part-of-speech tag of a word (v, n, t, s …), or undefined when the dictionary does not have it. */
export function dictionaryTag(word: string): string | undefined {
  return wordTable().line(word)?.split(' ')[2];
}

/** How often a word occurs in jieba's counts (0 when the dictionary does not have it). */
export function generalFrequency(word: string): number {
  return wordTable().frequency(word) ?? 0;
}

/**
 * Two-character words of everyday Chinese (jieba counts between `min` and `max`): what a citizen
 * adds around the topic of a question (家里, 天天, 合理). The calibration generator sprinkles them
 * into generated questions. In the dictionary file's order, which the seeded sampling depends on.
 */
export function everydayWords(min = 300, max = 20_000): string[] {
  const words: string[] = [];
  for (const line of readFileSync(JIEBA_MAIN_DICT, 'utf8').split('\n')) {
    const [w, count] = line.split(' ');
    const f = Number.parseInt(count, 10);
    if (w.length === 2 && f >= min && f <= max && /^\p{Script=Han}+$/u.test(w)) words.push(w);
  }
  return words;
}
