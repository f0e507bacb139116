import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * jieba's main dictionary (`jieba.dict.utf8`: 348,982 lines `word freq tag`, ~60 M occurrences in
 * total) as a table sorted by word, so that one word is found by binary search without parsing the
 * file. Parsing it into a Map took ~0.4 s per process (measured 2026-11-30), and a question needs a
 * few hundred look-ups at most: the general rarity of its terms and the dictionary words it contains
 * (the scoped jieba load in `jieba-loader.ts`).
 *
 * The table is derived from the installed file once and cached beside the user dictionaries (the OS
 * temp dir by default) under a key of the file's path, size and modification time, so a reinstalled
 * nodejieba gets a new table and a stale one is never read.
 *
 * File layout (little-endian): a 32-byte header (`ZWJT`, format, count, longest word in characters,
 * total frequency, smallest frequency), `count + 1` u32 byte offsets into the line area, then the
 * lines `word freq tag` without newlines, sorted by the UTF-8 bytes of the word.
 */

/** Bump when the file layout changes: it is part of the cache key. */
const FORMAT = 1;
const MAGIC = 0x544a575a; // 'ZWJT'
const HEADER_BYTES = 32;
const SPACE = 0x20;

/** The main dictionary, looked up by word. */
export interface JiebaWordTable {
  /** Sum of all frequencies: cppjieba's `freq_sum_`, the denominator of every word weight. */
  readonly total: number;
  /** The smallest frequency: cppjieba weighs a character missing from the dictionary as this. */
  readonly minFrequency: number;
  /** Length of the longest word, in code points. */
  readonly longestWord: number;
  readonly size: number;
  /** The dictionary line `word freq tag` of `word`, or undefined when it is not a word. */
  line(word: string): string | undefined;
  /** How often `word` occurs in jieba's counts, or undefined when it is not a word. */
  frequency(word: string): number | undefined;
  /** True when some word starts with `prefix` (or is it). */
  hasPrefix(prefix: string): boolean;
  /**
   * `hasPrefix` and `line` in one search: undefined when no word starts with `prefix`, the line of
   * `prefix` when it is a word, '' when only longer words start with it.
   */
  prefixLine(prefix: string): string | undefined;
  /** Every word with its frequency, in byte order. */
  entries(): Iterable<[string, number]>;
}

const require = createRequire(import.meta.url);

/** The installed nodejieba's main dictionary file. */
export const JIEBA_MAIN_DICT = join(
  dirname(require.resolve('nodejieba/package.json')),
  'submodules',
  'cppjieba',
  'dict',
  'jieba.dict.utf8',
);

const opened = new Map<string, JiebaWordTable>();

/**
 * The word table of `source` (default: nodejieba's dictionary), cached as a file under `dir`
 * (default: the OS temp dir) and in memory for the process.
 */
export function openJiebaWordTable(dir: string = tmpdir(), source: string = JIEBA_MAIN_DICT): JiebaWordTable {
  const path = tablePath(dir, source);
  let table = opened.get(path);
  if (table) return table;
  try {
    table = decodeTable(readFileSync(path));
  } catch {
    // Missing (first use, or the temp dir was cleaned) or unreadable: built again from the source.
    const bytes = encodeTable(readFileSync(source, 'utf8'));
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed: two processes building it at once each write a whole file.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    table = decodeTable(bytes);
  }
  opened.set(path, table);
  return table;
}

/** Where the table of `source` is cached: keyed by the source's path, size and modification time. */
export function tablePath(dir: string, source: string): string {
  const { size, mtimeMs } = statSync(source);
  const key = createHash('sha256')
    .update(`${FORMAT}\n${source}\n${size}\n${mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  return join(dir, `zhengwu-jieba-words-${key}.bin`);
}

/**
 * The table bytes of a dictionary text. A word listed twice keeps its last line, as cppjieba's trie
 * keeps the last one inserted; the total counts every line, as cppjieba's sum does.
 */
export function encodeTable(text: string): Buffer {
  const lines = new Map<string, Buffer>();
  let total = 0;
  let minFrequency = Number.POSITIVE_INFINITY;
  let longestWord = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const freq = Number.parseFloat(line.slice(space + 1));
    if (!Number.isFinite(freq)) continue;
    const word = line.slice(0, space);
    total += freq;
    minFrequency = Math.min(minFrequency, freq);
    longestWord = Math.max(longestWord, [...word].length);
    lines.set(word, Buffer.from(line, 'utf8'));
  }
  // A word's UTF-8 bytes read as latin1: string order is then byte order (Buffer.compare's).
  const sorted = [...lines.entries()]
    .map(([word, line]) => ({ key: Buffer.from(word, 'utf8').toString('latin1'), line }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const count = sorted.length;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(FORMAT, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(longestWord, 12);
  header.writeDoubleLE(total, 16);
  header.writeDoubleLE(count > 0 ? minFrequency : 0, 24);
  const offsets = Buffer.alloc((count + 1) * 4);
  let at = 0;
  sorted.forEach(({ line }, i) => {
    offsets.writeUInt32LE(at, i * 4);
    at += line.length;
  });
  offsets.writeUInt32LE(at, count * 4);
  return Buffer.concat([header, offsets, ...sorted.map((s) => s.line)]);
}

/** A table over bytes made by `encodeTable`. */
export function decodeTable(bytes: Buffer): JiebaWordTable {
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT) {
    throw new Error('not a jieba word table of this format');
  }
  const size = bytes.readUInt32LE(8);
  const longestWord = bytes.readUInt32LE(12);
  const total = bytes.readDoubleLE(16);
  const minFrequency = bytes.readDoubleLE(24);
  const linesAt = HEADER_BYTES + (size + 1) * 4;
  const start = (i: number) => linesAt + bytes.readUInt32LE(HEADER_BYTES + i * 4);
  const wordEnd = (i: number) => {
    const s = start(i);
    const space = bytes.indexOf(SPACE, s);
    return space < 0 || space > start(i + 1) ? start(i + 1) : space;
  };
  /** Index of the first word ≥ `key` (byte order). */
  const lowerBound = (key: Buffer): number => {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bytes.compare(key, 0, key.length, start(mid), wordEnd(mid)) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const find = (word: string): number => {
    const key = Buffer.from(word, 'utf8');
    const i = lowerBound(key);
    return i < size && bytes.compare(key, 0, key.length, start(i), wordEnd(i)) === 0 ? i : -1;
  };
  /** Index of the first word starting with `key` (the word itself when it is one), or -1. */
  const prefixAt = (key: Buffer): number => {
    const i = lowerBound(key);
    if (i >= size) return -1;
    const s = start(i);
    return wordEnd(i) - s >= key.length && bytes.compare(key, 0, key.length, s, s + key.length) === 0
      ? i
      : -1;
  };
  const lineAt = (i: number) => bytes.toString('utf8', start(i), start(i + 1));
  const frequencyAt = (i: number) =>
    Number.parseFloat(bytes.toString('latin1', wordEnd(i) + 1, start(i + 1)));
  return {
    total,
    minFrequency,
    longestWord,
    size,
    line(word) {
      const i = find(word);
      return i < 0 ? undefined : lineAt(i);
    },
    frequency(word) {
      const i = find(word);
      return i < 0 ? undefined : frequencyAt(i);
    },
    hasPrefix(prefix) {
      return prefixAt(Buffer.from(prefix, 'utf8')) >= 0;
    },
    prefixLine(prefix) {
      const key = Buffer.from(prefix, 'utf8');
      const i = prefixAt(key);
      if (i < 0) return undefined;
      return wordEnd(i) - start(i) === key.length ? lineAt(i) : '';
    },
    *entries() {
      for (let i = 0; i < size; i++) {
        yield [bytes.toString('utf8', start(i), wordEnd(i)), frequencyAt(i)];
      }
    },
  };
}
