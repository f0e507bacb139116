import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';

/**
 * The built-in government dictionary (lexicon/gov-terms.txt): policy and service vocabulary that
 * jieba's default dictionary splits apart, loaded as a jieba user dictionary so these terms are
 * indexed and queried whole. The list is data, kept in a text file with its rules (what may be an
 * entry) and its version; this module reads it once, at start-up (~8 KB).
 */
const GOV_TERMS_FILE = fileURLToPath(new URL('../../lexicon/gov-terms.txt', import.meta.url));

const VERSION_LINE = /^#\s*version:\s*(\d+)\s*$/m;

/** The dictionary file's terms (de-duplicated, in file order) and its `# version: N` line. */
export function parseGovTerms(text: string): { version: number; terms: string[] } {
  const version = VERSION_LINE.exec(text);
  if (!version) {
    throw new AppError('CONFIG_INVALID', `政务词典缺少版本行 (no "# version: N" line): ${GOV_TERMS_FILE}`);
  }
  const terms = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return { version: Number(version[1]), terms: [...new Set(terms)] };
}

const dictionary = parseGovTerms(readFileSync(GOV_TERMS_FILE, 'utf8'));

/**
 * Version of the list: part of the tokenizer id, so an index built with an older list is refused
 * instead of silently mismatching. Bumped in the file whenever the list changes.
 */
export const GOV_DICT_VERSION = dictionary.version;

/** The built-in government dictionary, de-duplicated, in a stable order. */
export const GOV_TERMS: readonly string[] = dictionary.terms;
