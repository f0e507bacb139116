import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';

/**
 * The one place that talks to nodejieba's process-global state.
 *
 * How nodejieba 3.5.8 behaves (read in its index.js and lib/nodejieba.cpp, checked here):
 * - There is ONE segmenter per process. `cut`/`cutAll`/… load the default dictionaries on first
 *   use if `load` was never called.
 * - `load({ userDict })` does take effect more than once: it deletes and rebuilds the segmenter
 *   (~2 s and ~300 MB of dictionaries each time on this machine). So "load once" is our rule, not
 *   the library's: we reload only when a tokenizer needs a different user dictionary, and every
 *   tokenizer checks the loaded dictionary before cutting.
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

/** Writes the user dictionary once per content (content-addressed), atomically. */
function writeUserDict(lines: string[], dir: string): { path: string; key: string } {
  const body = `${lines.join('\n')}\n`;
  const key = createHash('sha256').update(body).digest('hex').slice(0, 16);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `zhengwu-jieba-user-${key}.dict`);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, body, 'utf8');
    renameSync(tmp, path);
  }
  return { path, key };
}

/** A prepared dictionary: `ensure()` makes it the loaded one (a no-op when it already is). */
export interface JiebaDictionary {
  readonly key: string;
  readonly path: string;
  ensure(): void;
}

/** Prepares (but does not load) a user dictionary of `lines` under `dir` (default: the OS temp dir). */
export function prepareDictionary(lines: string[], dir: string = tmpdir()): JiebaDictionary {
  const { path, key } = writeUserDict(lines, dir);
  return {
    key,
    path,
    ensure() {
      if (loadedKey === key) return;
      nodejieba.load({ userDict: path });
      loadedKey = key;
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
