import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import {
  dictionaryWordsIn,
  scopedMainLines,
  scopedUserLines,
  type UserTerms,
  userTermsIn,
  userTermsOf,
} from './jieba-scoped.js';
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

const sideFilesByDir = new Map<string, SideFiles>();

function sideFiles(dir: string): SideFiles {
  const known = sideFilesByDir.get(dir);
  if (known && existsSync(known.hmmDict)) return known;
  const files = {
    hmmDict: writeOnce(UNUSED_HMM, dir, 'zhengwu-jieba-hmm').path,
    idfDict: writeOnce(UNUSED_IDF, dir, 'zhengwu-jieba-idf').path,
    stopWordDict: writeOnce(UNUSED_STOP_WORDS, dir, 'zhengwu-jieba-stop').path,
  };
  sideFilesByDir.set(dir, files);
  return files;
}

/**
 * Text a process may segment on a scoped dictionary before the whole one is loaded: a scoped load
 * costs ~5 ms plus a look-up per dictionary prefix of the text, the whole dictionary ~2.4 s of CPU
 * (cppjieba reads it twice, measured 2026-11-30). A question (≤ 200 characters) and its rewrites stay
 * scoped; an ingest or an eval run passes this within its first documents and loads the whole one.
 */
export const SCOPED_TEXT_BUDGET = 4000;

/**
 * Words a scoped dictionary gathers across texts before it starts again from the words of the text
 * at hand. Its load time grows with its size: 1.6 ms at 500 words, 6.9 ms at 2 000, 24 ms at 5 000,
 * 84 ms at 20 000, plus the user dictionary's own words (measured 2026-11-30, nodejieba 3.5.8).
 * A question holds ~20–60 dictionary words, so a follow-up and its rewrite mostly reuse the load.
 */
export const SCOPED_WORDS_MAX = 2000;

/**
 * True on a thread that must never load the whole dictionary: the service's main thread, which
 * cuts only questions (documents are cut on worker threads). The whole load is ~1.5 s of
 * synchronous native work that every request would wait for, and ~300 MB held for good; a scoped
 * load per new question costs milliseconds and segments the same way.
 */
let scopedOnly = false;

/** Keeps this thread on scoped dictionaries for good (see `scopedOnly`); `SCOPED_TEXT_BUDGET` no longer applies. */
export function keepDictionariesScoped(): void {
  scopedOnly = true;
}

/**
 * The scoped dictionary loaded, when one is (`loadedKey` is then undefined): its main and user
 * words with their lines, and the last text it was made sure for.
 */
let scoped:
  | { key: string; main: Map<string, string>; user: Map<string, string>; lastText: string }
  | undefined;

/** What the segmenter holds now: for tests and measurements. */
export function loadedDictionary(): { kind: 'whole' | 'scoped' | 'none'; key?: string; words?: number } {
  if (loadedKey) return { kind: 'whole', key: loadedKey };
  if (scoped) return { kind: 'scoped', key: scoped.key, words: scoped.main.size + scoped.user.size };
  return { kind: 'none' };
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
  /** The user lines by term, made on the first scoped load. */
  let userTerms: UserTerms | undefined;
  /**
   * The main dictionary's table, opened on the first scoped load: `openJiebaWordTable` stats and
   * hashes its source on every call, and this runs for every new question.
   */
  let table: JiebaWordTable | undefined;
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
      if (loadedKey === key || (scoped?.key === key && scoped.lastText === text)) return;
      scopedChars += text.length;
      if (scopedChars > SCOPED_TEXT_BUDGET && !scopedOnly) return ensure();
      table ??= openJiebaWordTable(dir);
      userTerms ??= userTermsOf(lines);
      const main = dictionaryWordsIn(text, table);
      const user = userTermsIn(text, userTerms);
      if (scoped?.key === key && holdsAll(scoped.main, main) && holdsAll(scoped.user, user)) {
        scoped.lastText = text;
        return;
      }
      // Words gathered across texts, up to SCOPED_WORDS_MAX; past it, this text's words alone.
      if (
        scoped?.key === key &&
        scoped.main.size + scoped.user.size + main.size + user.size <= SCOPED_WORDS_MAX
      ) {
        for (const [w, line] of scoped.main) main.set(w, line);
        for (const [w, line] of scoped.user) user.set(w, line);
      }
      // nodejieba reads dictionaries from files only; these are read at once and removed.
      const stem = join(dir, `zhengwu-jieba-scoped-${process.pid}-${key}`);
      const dict = `${stem}.dict`;
      const userDict = `${stem}.user.dict`;
      writeFileSync(dict, `${scopedMainLines(main, table).join('\n')}\n`, 'utf8');
      writeFileSync(userDict, `${scopedUserLines(user).join('\n')}\n`, 'utf8');
      try {
        nodejieba.load({ dict, userDict, ...sideFiles(dir) });
      } finally {
        rmSync(dict, { force: true });
        rmSync(userDict, { force: true });
      }
      loadedKey = undefined;
      scoped = { key, main, user, lastText: text };
    },
  };
}

function holdsAll(have: Map<string, string>, wanted: Map<string, string>): boolean {
  for (const w of wanted.keys()) if (!have.has(w)) return false;
  return true;
}

/** Dictionary segmentation without HMM (see above). Call `ensure()` first. */
export function jiebaCut(text: string): string[] {
  return nodejieba.cut(text, false);
}

/** Every dictionary word inside `text` (full mode). Call `ensure()` first. */
export function jiebaCutAll(text: string): string[] {
  return nodejieba.cutAll(text);
}
