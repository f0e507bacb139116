import { readFileSync } from 'node:fs';
import { dictionaryTag, generalFrequency } from './general-rarity.js';
import { JIEBA_MAIN_DICT } from './jieba-word-table.js';

/*
 * A citizen says the one-character verb (晒被子, 烤点肉, 挖个坑埋了, 把树砍了, 钓钓鱼); rules say the
 * two-character one that holds it (晾晒, 烧烤, 掩埋, 砍伐, 垂钓). jieba's dictionary knows both and
 * tags them as verbs, so the compounds of a character are read from it, not listed by hand.
 */

const VERB_TAGS = new Set(['v', 'vn']);
/**
 * A line of jieba's dictionary for a two-character verb (`晾晒 43 v`) or a four-character idiom
 * (`玩忽职守 49 i`).
 */
const VERB_OR_IDIOM = /^(?:(\p{Script=Han}{2}) \d+ vn?|(\p{Script=Han}{4}) \d+ i)$/gmu;

interface DictionaryIndexes {
  /** Two-character verbs by the characters they hold. */
  compounds: Map<string, string[]>;
  /** Four-character idioms by their first and their last two characters. */
  idioms: Map<string, string[]>;
}

let indexes: DictionaryIndexes | undefined;

function push(index: Map<string, string[]>, key: string, word: string): void {
  const list = index.get(key);
  if (list) list.push(word);
  else index.set(key, [word]);
}

/**
 * The dictionary's two-character verbs and four-character idioms, built on first use in one pass of
 * a regular expression over the dictionary file (~0.15 s, measured 2026-11-30; walking the word table
 * and reading each tag took 1.6 s; a second pass for the idioms added 0.19 s to `npm run ask`).
 */
function dictionaryIndexes(): DictionaryIndexes {
  if (indexes) return indexes;
  const compounds = new Map<string, string[]>();
  const idioms = new Map<string, string[]>();
  for (const [, verb, idiom] of readFileSync(JIEBA_MAIN_DICT, 'utf8').matchAll(VERB_OR_IDIOM)) {
    if (idiom) {
      push(idioms, idiom.slice(0, 2), idiom);
      push(idioms, idiom.slice(2), idiom);
    } else if (verb && verb[0] !== verb[1]) {
      for (const ch of verb) push(compounds, ch, verb);
    }
  }
  indexes = { compounds, idioms };
  return indexes;
}

/**
 * Occurrences in jieba's counts above which a one-character verb is too general to stand for a
 * compound: 去 (123,402), 住, 走, 开, 拿 are said of everything; 晒 (1,465), 埋, 砍, 烤, 烧 (4,867) name
 * an act.
 */
const GENERAL_VERB_FREQ = 5000;

/** Whether jieba's dictionary tags a word as a verb (v, or vn: a verb also used as a noun). */
export function isDictionaryVerb(word: string): boolean {
  return VERB_TAGS.has(dictionaryTag(word) ?? '');
}

/** Whether a single character is a verb in jieba's dictionary naming an act (晒, 烤, 埋, 砍). */
export function isSingleVerb(character: string): boolean {
  if ([...character].length !== 1 || !isDictionaryVerb(character)) return false;
  return generalFrequency(character) <= GENERAL_VERB_FREQ;
}

/** The dictionary's two-character verbs holding `character` (晒 → 晾晒, 曝晒, 晒干 …). */
export function verbCompounds(character: string): readonly string[] {
  return dictionaryIndexes().compounds.get(character) ?? [];
}

/** The dictionary's four-character idioms whose first or last two characters are `word` (玩忽 → 玩忽职守). */
export function idiomsHolding(word: string): readonly string[] {
  return dictionaryIndexes().idioms.get(word) ?? [];
}
