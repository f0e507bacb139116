import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { buildLexicon, type Lexicon, type LocatedRow, parseLexicon } from './lexicon.js';

/** The lexicon files shipped with the service: the hand-written pairs and the pairs mined from the corpus. */
export const BUILT_IN_LEXICON_FILES: readonly string[] = [
  fileURLToPath(new URL('../../lexicon/colloquial.tsv', import.meta.url)),
  fileURLToPath(new URL('../../lexicon/mined.tsv', import.meta.url)),
];

/** Reads and parses lexicon files (the built-in ones are not implied). A bad row throws CONFIG_INVALID naming file:line. */
export function readLexiconRows(files: readonly string[]): LocatedRow[] {
  const rows: LocatedRow[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new AppError('CONFIG_INVALID', `词表文件无法读取 (lexicon file unreadable): ${file}`, {
        cause,
        issues: [{ path: 'LEXICON_FILES', message: `cannot read ${file}` }],
      });
    }
    rows.push(...parseLexicon(text, file));
  }
  return rows;
}

const cache = new Map<string, Lexicon>();

/**
 * The lexicon of the built-in files plus `extraFiles` (LEXICON_FILES, resolved against the working
 * directory). Loaded once per file list and process: files are read at start-up, an edit takes
 * effect on restart (and, when it changes the dictionary terms, rebuilds the index on ingest).
 */
export function loadLexicon(extraFiles: readonly string[] = []): Lexicon {
  const files = [...BUILT_IN_LEXICON_FILES, ...extraFiles.map((f) => resolve(f))];
  const key = files.join('\n');
  let lexicon = cache.get(key);
  if (!lexicon) {
    lexicon = buildLexicon(readLexiconRows(files));
    cache.set(key, lexicon);
  }
  return lexicon;
}
