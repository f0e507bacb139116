import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { type JiebaWordTable, openJiebaWordTable } from './jieba-word-table.js';

/**
 * The one place that talks to nodejieba's process-global state.
 *
 * How nodejieba 3.5.8 behaves (read in its index.js and lib/nodejieba.cpp, checked here):
 * - There is ONE segmenter per process. `cut`/`cutAll`/… load the default dictionaries on first
 *   use if `load` was never called.
 * - `load({ userDict })` does take effect more than once: it deletes and rebuilds the segmenter
 *   (~2 s and ~300 MB of dictionaries each time on this machine). So "load once" is our rule, not
 *   the library's: we reload only when a tokenizer needs a different user dictionary, and every
 *   tokenizer checks the loaded dictionary before cutting. The exception is a scoped load (a
 *   dictionary of just the words inside the few short texts a process cuts, `ensureFor`), which
 *   costs milliseconds: `npm run ask` cuts one question.
 * - `userDict` may list several files separated by `|` or `;`; lines are `word`, `word tag` or
 *   `word freq tag`, split on single spaces — so a term containing a space cannot be a dictionary
 *   entry.
 * - `cut(text, useHmm = false)`: without HMM, words missing from the dictionary come out as single
 *   characters, and digit/Latin runs as one token per character (`5/G/-/A`).
 * - `insertWord(word)` works after a load in 3.5.8, but is lost on the next `load`; we use the
 *   user dictionary file instead so that what is loaded is exactly what the id says.
 */

const require = createRequire(import.meta.url);

/** Version of the installed nodejieba, for tokenizer ids. */
export const JIEBA_VERSION: string = (require('nodejieba/package.json') as { version: string }).version;

/**
 * Weight of user-dictionary terms, as a corpus frequency. jieba's dictionary totals ~60 M; 3000
 * (about 城市's 25 000 / 8) makes a user term beat any split into shorter words without letting
 * two-character terms swallow neighbouring characters.
 */
export const USER_TERM_FREQ = 3000;

/** Key of the user dictionary loaded with the whole main dictionary, if one is. */
let loadedKey: string | undefined;

/** Dictionary lines for `terms` (already normalised); terms that jieba cannot read are skipped. */
export function userDictLines(terms: Iterable<string>, freq = USER_TERM_FREQ): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (term.length === 0 || /\s/.test(term) || seen.has(term)) continue;
    seen.add(term);
    lines.push(`${term} ${freq} n`);
  }
  return lines;
}

/** Writes `body` once per content (content-addressed by `prefix` and hash), atomically. */
function writeOnce(body: string, dir: string, prefix: string): { path: string; key: string } {
  const key = createHash('sha256').update(body).digest('hex').slice(0, 16);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${prefix}-${key}.dict`);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, body, 'utf8');
    renameSync(tmp, path);
  }
  return { path, key };
}

/**
 * The files `load` needs besides the dictionaries, cut down to what we use. `load` builds keyword
 * extractors we never call (`extract`, `textRankExtract`): the default idf file (6 MB) and stop words
 * only feed them, and the HMM model (0.5 MB, read twice) only serves `cut(text, true)`, `cutHMM` and
 * `tag`. `cut(text, false)` and `cutAll` never consult it, so a minimal valid model leaves every
 * result unchanged (checked against the full files in test/text/jieba-loader.test.ts) and saves
 * reading and parsing ~7 MB per load.
 */
const UNUSED_IDF = 'の 1.0\n';
const UNUSED_STOP_WORDS = 'の\n';
/** Start probabilities, the 4×4 transitions, then one emission per state (B, E, M, S). */
const UNUSED_HMM = [
  '-0.26 -3.14e+100 -3.14e+100 -1.46',
  '-3.14e+100 -0.51 -0.92 -3.14e+100',
  '-0.59 -3.14e+100 -3.14e+100 -0.81',
  '-3.14e+100 -0.33 -1.26 -3.14e+100',
  '-0.72 -3.14e+100 -3.14e+100 -0.67',
  'の:-1',
  'の:-1',
  'の:-1',
  'の:-1',
  '',
].join('\n');

interface SideFiles {
  hmmDict: string;
  idfDict: string;
  stopWordDict: string;
}

function sideFiles(dir: string): SideFiles {
  return {
    hmmDict: writeOnce(UNUSED_HMM, dir, 'zhengwu-jieba-hmm').path,
    idfDict: writeOnce(UNUSED_IDF, dir, 'zhengwu-jieba-idf').path,
    stopWordDict: writeOnce(UNUSED_STOP_WORDS, dir, 'zhengwu-jieba-stop').path,
  };
}

/**
 * Text a process may segment on a scoped dictionary before the whole one is loaded: a scoped load
 * costs ~5 ms plus a look-up per dictionary prefix of the text, the whole dictionary ~2.4 s of CPU
 * (cppjieba reads it twice, measured 2026-11-30). A question (≤ 200 characters) and its rewrites stay
 * scoped; an ingest or an eval run passes this within its first documents and loads the whole one.
 */
export const SCOPED_TEXT_BUDGET = 4000;

/** The words of the scoped dictionary loaded, when one is (`loadedKey` is then undefined). */
let scoped: { key: string; words: Set<string> } | undefined;

/** What the segmenter holds now: for tests and measurements. */
export function loadedDictionary(): { kind: 'whole' | 'scoped' | 'none'; key?: string; words?: number } {
  if (loadedKey) return { kind: 'whole', key: loadedKey };
  if (scoped) return { kind: 'scoped', key: scoped.key, words: scoped.words.size };
  return { kind: 'none' };
}

/**
 * The dictionary words inside `text`: every substring that is a word of the main dictionary, found
 * by walking prefixes (a prefix no word starts with ends the walk). cppjieba's segmenters only ever
 * look up substrings of the text they cut, so a dictionary of these words cuts `text` as the whole
 * one does, given the same total and smallest frequency (`scopedDictionaryLines`).
 */
export function dictionaryWordsIn(text: string, table: JiebaWordTable): Set<string> {
  const chars = [...text];
  const words = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let candidate = '';
    for (let j = i; j < chars.length && j - i < table.longestWord; j++) {
      candidate += chars[j];
      if (!table.hasPrefix(candidate)) break;
      if (!words.has(candidate) && table.line(candidate) !== undefined) words.add(candidate);
    }
  }
  return words;
}

/**
 * Two words no text contains (private-use characters; `normaliseForIndex` output never has them)
 * that carry the rest of the total and the smallest frequency.
 */
const FILLER_WORD = '\uf8f0\uf8f1';
const SMALLEST_WORD = '\uf8f0\uf8f2';

/**
 * Dictionary lines for `words` that cppjieba weighs exactly as the whole dictionary does: a word's
 * weight is ln(freq / total) and a character missing from the dictionary weighs ln(smallest / total),
 * so two filler lines keep the total and the smallest frequency of the whole file.
 */
function scopedDictionaryLines(words: Iterable<string>, table: JiebaWordTable): string[] {
  const lines: string[] = [];
  let sum = 0;
  for (const word of words) {
    const line = table.line(word);
    if (line === undefined) continue;
    lines.push(line);
    sum += table.frequency(word) ?? 0;
  }
  lines.push(`${SMALLEST_WORD} ${table.minFrequency} x`);
  lines.push(`${FILLER_WORD} ${table.total - sum - table.minFrequency} x`);
  return lines;
}

/** A prepared dictionary: `ensure()` makes it the loaded one (a no-op when it already is). */
export interface JiebaDictionary {
  readonly key: string;
  readonly path: string;
  /** Loads the whole dictionary with this user dictionary (~2.4 s CPU the first time). */
  ensure(): void;
  /**
   * Makes sure `text` (as it will be cut) segments as with the whole dictionary: loads only the
   * dictionary words inside it while the process has cut little text (`SCOPED_TEXT_BUDGET`), the
   * whole dictionary after that. Results are the same either way.
   */
  ensureFor(text: string): void;
}

/** Prepares (but does not load) a user dictionary of `lines` under `dir` (default: the OS temp dir). */
export function prepareDictionary(lines: string[], dir: string = tmpdir()): JiebaDictionary {
  const { path, key } = writeOnce(`${lines.join('\n')}\n`, dir, 'zhengwu-jieba-user');
  /** Text cut through this dictionary so far, against `SCOPED_TEXT_BUDGET`. */
  let scopedChars = 0;
  const ensure = () => {
    if (loadedKey === key) return;
    nodejieba.load({ userDict: path, ...sideFiles(dir) });
    loadedKey = key;
    scoped = undefined;
  };
  return {
    key,
    path,
    ensure,
    ensureFor(text) {
      if (loadedKey === key) return;
      scopedChars += text.length;
      if (scopedChars > SCOPED_TEXT_BUDGET) return ensure();
      const table = openJiebaWordTable(dir);
      const needed = dictionaryWordsIn(text, table);
      const have = scoped?.key === key ? scoped.words : new Set<string>();
      if (scoped?.key === key && [...needed].every((w) => have.has(w))) return;
      const words = new Set([...have, ...needed]);
      // nodejieba reads dictionaries from files only; this one is read at once and removed.
      const dict = join(dir, `zhengwu-jieba-scoped-${process.pid}-${key}.dict`);
      writeFileSync(dict, `${scopedDictionaryLines(words, table).join('\n')}\n`, 'utf8');
      try {
        nodejieba.load({ dict, userDict: path, ...sideFiles(dir) });
      } finally {
        rmSync(dict, { force: true });
      }
      loadedKey = undefined;
      scoped = { key, words };
    },
  };
}

/** Dictionary segmentation without HMM (see above). Call `ensure()` first. */
export function jiebaCut(text: string): string[] {
  return nodejieba.cut(text, false);
}

/** Every dictionary word inside `text` (full mode). Call `ensure()` first. */
export function jiebaCutAll(text: string): string[] {
  return nodejieba.cutAll(text);
}
