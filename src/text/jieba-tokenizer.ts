import { createHash } from 'node:crypto';
import { allOfParts, allOfTerm } from './all-of-terms.js';
import { GOV_DICT_VERSION, GOV_TERMS } from './gov-terms.js';
import { JIEBA_VERSION, jiebaCut, jiebaCutAll, prepareDictionary, userDictLines } from './jieba-loader.js';
import type { Lexicon } from './lexicon.js';
import { loadLexicon } from './lexicon-files.js';
import { normaliseForIndex } from './normalise.js';
import { isStopword } from './stopwords.js';
import { type QueryGroup, queryGroup, type Tokenizer } from './tokenizer.js';

/**
 * Version of the term rules in this file (run merging, units, sub-words). Part of the id: bump it
 * whenever `tokenize` would emit different terms for the same text.
 */
export const TERM_RULES_VERSION = 1;

/** Options of `createJiebaTokenizer`. */
export interface JiebaTokenizerOptions {
  /** More user-dictionary terms, e.g. from `mineQuotedTerms` over the corpus. */
  extraTerms?: readonly string[];
  /** Where the user dictionary file is written (default: the OS temp dir). */
  dictDir?: string;
  /** Colloquial ↔ official alternatives for queries (default: the built-in lexicon files). */
  lexicon?: Lexicon;
}

export interface JiebaTokenizer extends Tokenizer {
  /** Terms of the user dictionary (normalised), for inspection and tests. */
  readonly userTerms: readonly string[];
  /**
   * Loads jieba's whole dictionary now (~2.4 s of CPU), as a service does before it listens.
   * Without it the first texts are cut on a dictionary scoped to them (same terms, see
   * `JiebaDictionary.ensureFor`) and the whole one is loaded once more text has been cut.
   */
  loadDictionary(): void;
}

/** A token made only of these joins a digit/Latin run (jieba emits `5/g/-/a`, `4/./5`). */
function isRunToken(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const ok =
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x2e ||
      c === 0x2d ||
      c === 0x2b ||
      c === 0x25 ||
      c === 0x5f;
    if (!ok) return false;
  }
  return w.length > 0;
}

/** Terms inside a digit/Latin run: 5g-a, f5g-a, 4.5, 35%, 10+1, g20, covid-19. */
const RUN_TERM = /[0-9a-z]+(?:[.\-+_][0-9a-z]+)*[%+]?/g;

/** Chinese magnitude units glued to a preceding number: 4.5万, 3100亿. 万亿 stays whole. */
const UNIT = /^(万亿|万|亿)/;

/** Letters, digits or ideographs: a token without any is punctuation. */
const HAS_CONTENT = /[\p{L}\p{N}]/u;

function hasContent(w: string): boolean {
  const c = w.charCodeAt(0);
  // Fast path for the common case, a token starting with a CJK ideograph (U+4E00–9FFF).
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return HAS_CONTENT.test(w);
}
const HAN = /^\p{Script=Han}+$/u;

/**
 * A province or city name with its suffix; the stem is a query alternative. 区/县 are left out
 * (开发区, 示范区 are not places), and so are 城市/级市 (大城市, 县级市).
 */
const PLACE_SUFFIX = /^(\p{Script=Han}{2,}(?<!城|级))[省市]$/u;

/**
 * Weight of a place-name stem (北京市 → 北京): the same place, so nearly the word as asked; the
 * synonym weight this alternative had before weights were per alternative.
 */
const PLACE_STEM_WEIGHT = 0.9;

/** How many words' sub-words are cached; at this size the cache is cleared (memory bound). */
const SUBWORD_CACHE_MAX = 200_000;

function shortHash(parts: readonly string[]): string {
  if (parts.length === 0) return 'none';
  return createHash('sha256')
    .update([...parts].sort().join('\n'))
    .digest('hex')
    .slice(0, 8);
}

/**
 * jieba tokenizer for policy text. Index terms keep numbers and codes whole (5g-a, 4.5万, 2025,
 * 12%), keep government terms whole (高效办成一件事, 无证明城市), and add the dictionary sub-words
 * of longer words (住房公积金 → 住房, 公积金) so that a short query term finds a long document word.
 * Years are indexed as the bare number ('2025年' → '2025'), the same for documents and queries.
 */
export function createJiebaTokenizer({
  extraTerms = [],
  dictDir,
  lexicon = loadLexicon(),
}: JiebaTokenizerOptions = {}): JiebaTokenizer {
  const extras = [...new Set(extraTerms.map(normaliseForIndex).filter((t) => t.length >= 2))];
  const userTerms = [...new Set([...GOV_TERMS, ...lexicon.terms, ...extras].map(normaliseForIndex))];
  const dictionary = prepareDictionary(userDictLines(userTerms), dictDir);
  const id = `jieba-${JIEBA_VERSION}+gov-dict-${GOV_DICT_VERSION}+lex-${lexicon.id}+rules-${TERM_RULES_VERSION}+extra-${shortHash(extras)}`;
  const subwordCache = new Map<string, string[]>();

  function subWords(word: string): string[] {
    let subs = subwordCache.get(word);
    if (subs) return subs;
    subs = [];
    for (const s of jiebaCutAll(word)) {
      if (s.length >= 2 && s !== word && HAN.test(s) && !isStopword(s) && !subs.includes(s)) subs.push(s);
    }
    // Codes inside a mixed dictionary word: 数字青岛2.0 → 2.0
    if (!HAN.test(word)) for (const m of word.matchAll(RUN_TERM)) if (!subs.includes(m[0])) subs.push(m[0]);
    if (subwordCache.size >= SUBWORD_CACHE_MAX) subwordCache.clear();
    subwordCache.set(word, subs);
    return subs;
  }

  /** The term pipeline; `withSubWords` is on for indexing, off for queries. */
  function terms(text: string, withSubWords: boolean): string[] {
    const normalised = normaliseForIndex(text);
    dictionary.ensureFor(normalised);
    const words = jiebaCut(normalised);
    const out: string[] = [];
    let run = '';
    const flushRun = () => {
      if (run.length === 0) return;
      for (const m of run.matchAll(RUN_TERM)) {
        const term = m[0];
        out.push(term);
        // 5g-a also answers a query for 5g; decimals (4.5) are not split.
        if (withSubWords && /[-+_]/.test(term.slice(0, -1))) {
          for (const part of term.split(/[-+_]/)) if (part.length >= 2 && part !== term) out.push(part);
        }
      }
      run = '';
    };
    for (let i = 0; i < words.length; i++) {
      let w = words[i];
      if (isRunToken(w)) {
        run += w;
        continue;
      }
      // A magnitude unit right after a number joins it: 4.5 + 万个 → 4.5万 (+ 个).
      const endsInDigit = run.length > 0 && /[0-9]$/.test(run);
      flushRun();
      if (endsInDigit) {
        const unit = UNIT.exec(w);
        if (unit && /[0-9]$/.test(out[out.length - 1] ?? '')) {
          out[out.length - 1] += unit[1];
          w = w.slice(unit[1].length);
          if (w.length === 0) continue;
        }
      }
      if (!hasContent(w) || isStopword(w)) continue;
      out.push(w);
      if (withSubWords && w.length > 2) for (const s of subWords(w)) out.push(s);
    }
    flushRun();
    return out;
  }

  /** An all-of term as the index holds its words: each part cut as a query is (公安机关+交通管理+部门). */
  function searchedForm(alt: string): string {
    const parts = allOfParts(alt);
    return parts ? allOfTerm(parts.flatMap((part) => terms(part, false))) : alt;
  }

  return {
    id,
    userTerms,
    loadDictionary: () => dictionary.ensure(),
    tokenize(text: string): string[] {
      return terms(text, true);
    },
    tokenizeQuery(text: string): QueryGroup[] {
      const groups: QueryGroup[] = [];
      const seen = new Set<string>();
      for (const term of terms(text, false)) {
        if (seen.has(term)) continue;
        seen.add(term);
        const weights = new Map<string, number>([[term, 1]]);
        const offer = (alt: string, weight: number) => {
          if (!weights.has(alt)) weights.set(alt, weight);
        };
        for (const alt of lexicon.alternativesOf(term)) offer(searchedForm(alt.term), alt.weight);
        // 北京市 / 广西省 / 东城区 in a question, 北京 / 广西 / 东城 in the document.
        const stem = PLACE_SUFFIX.exec(term);
        if (stem && !isStopword(stem[1])) offer(stem[1], PLACE_STEM_WEIGHT);
        groups.push(queryGroup([...weights.keys()], [...weights.values()]));
      }
      return groups;
    },
  };
}
