import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GOV_TERMS } from '../../src/text/gov-terms.js';
import {
  jiebaCut,
  jiebaCutAll,
  keepDictionariesScoped,
  loadedDictionary,
  prepareDictionary,
  SCOPED_TEXT_BUDGET,
  SCOPED_WORDS_MAX,
  userDictLines,
} from '../../src/text/jieba-loader.js';
import { normaliseForIndex } from '../../src/text/normalise.js';

// keepDictionariesScoped is for the whole thread: this file has its own module state (vitest isolates files).
const dir = mkdtempSync(join(tmpdir(), 'jieba-scoped-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER_LINES = userDictLines(GOV_TERMS.map(normaliseForIndex));

/** Sentences of the seed and the Qingdao demo documents: many times the budget and the word cap. */
function sentences(): string[] {
  const files = [join('seeds', '000_204df86a34e42382.txt')];
  for (const f of readdirSync(join('corpus', 'qingdao')).slice(0, 2))
    files.push(join('corpus', 'qingdao', f));
  return files
    .flatMap((f) => readFileSync(f, 'utf8').split(/\n|(?<=。)/))
    .map((s) => normaliseForIndex(s.trim().slice(0, 200)))
    .filter((s) => s.length > 0);
}

const cutBoth = (text: string) => `${jiebaCut(text).join('/')}|${jiebaCutAll(text).join('/')}`;

describe('a thread kept on scoped dictionaries', () => {
  it('never loads the whole dictionary, starts again past the word cap, and cuts as the whole one does', () => {
    keepDictionariesScoped();
    const texts = sentences();
    const total = texts.reduce((n, s) => n + s.length, 0);
    expect(total).toBeGreaterThan(3 * SCOPED_TEXT_BUDGET);
    const dictionary = prepareDictionary(USER_LINES, dir);
    let largest = 0;
    let restarts = 0;
    const scoped = texts.map((text) => {
      const before = loadedDictionary().words ?? 0;
      dictionary.ensureFor(text);
      const now = loadedDictionary();
      expect(now.kind).toBe('scoped');
      if ((now.words ?? 0) < before) restarts += 1;
      largest = Math.max(largest, now.words ?? 0);
      return cutBoth(text);
    });
    expect(largest).toBeLessThanOrEqual(SCOPED_WORDS_MAX);
    expect(restarts).toBeGreaterThan(0);
    // The same texts through the whole dictionary (loaded explicitly, as a worker thread does).
    dictionary.ensure();
    expect(loadedDictionary()).toEqual({ kind: 'whole', key: dictionary.key });
    expect(texts.map(cutBoth)).toEqual(scoped);
  }, 120_000);
});
