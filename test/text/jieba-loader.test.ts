import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { afterAll, describe, expect, it } from 'vitest';
import { GOV_TERMS } from '../../src/text/gov-terms.js';
import {
  jiebaCut,
  jiebaCutAll,
  loadedDictionary,
  prepareDictionary,
  SCOPED_TEXT_BUDGET,
  userDictLines,
} from '../../src/text/jieba-loader.js';
import { dictionaryWordsIn } from '../../src/text/jieba-scoped.js';
import { openJiebaWordTable } from '../../src/text/jieba-word-table.js';
import { normaliseForIndex } from '../../src/text/normalise.js';

const dir = mkdtempSync(join(tmpdir(), 'jieba-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER_LINES = userDictLines(GOV_TERMS.map(normaliseForIndex));

/** Sentences of the seed and of every 40th line of the demo corpus, plus texts at the edges. */
function sampleTexts(): string[] {
  const files = [join('seeds', '000_204df86a34e42382.txt')];
  for (const sub of ['qingdao', 'shandong', 'national']) {
    for (const f of readdirSync(join('corpus', sub))) files.push(join('corpus', sub, f));
  }
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split(/\n|(?<=。)/));
  const picked = lines.filter((l, i) => l.trim().length > 0 && i % 40 === 0).map((l) => l.slice(0, 200));
  return [
    ...picked,
    '2025年青岛要建多少个5G基站？',
    '推动5G-A和F5G-A试点部署，力争 5G 基站数达 4.5 万个，智能算力占比达35%',
    '侵华日军南京大屠杀遇难同胞纪念馆',
    '中华人民共和国居民身份证法',
    '我想办居住证需要什么材料？😀𠀋',
    '高效办成一件事无证明城市算力券',
    '',
  ].map(normaliseForIndex);
}

function cutBoth(text: string): string {
  return `${jiebaCut(text).join('/')}|${jiebaCutAll(text).join('/')}`;
}

describe('scoped jieba loads', () => {
  it('cut every text as the whole dictionary does (and as nodejieba’s default files do)', () => {
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(100);
    const scoped = texts.map((text, i) => {
      // A user dictionary of its own per text, so each load holds only that text's words.
      const dictionary = prepareDictionary([...USER_LINES, `测试专用词${i} 3 n`], dir);
      dictionary.ensureFor(text);
      expect(loadedDictionary().kind).toBe('scoped');
      return cutBoth(text);
    });
    const whole = prepareDictionary(USER_LINES, dir);
    whole.ensure();
    expect(loadedDictionary()).toEqual({ kind: 'whole', key: whole.key });
    expect(texts.map(cutBoth)).toEqual(scoped);
    // The cut-down idf, stop-word and HMM files change nothing we call either.
    nodejieba.load({ userDict: whole.path });
    expect(texts.map(cutBoth)).toEqual(scoped);
  }, 180_000);

  it('load the whole dictionary once the text budget is spent, and keep it', () => {
    const dictionary = prepareDictionary([...USER_LINES, '预算测试词 3 n'], dir);
    dictionary.ensureFor('住房公积金怎么提取');
    expect(loadedDictionary().kind).toBe('scoped');
    dictionary.ensureFor('缴存'.repeat(SCOPED_TEXT_BUDGET / 2));
    expect(loadedDictionary()).toEqual({ kind: 'whole', key: dictionary.key });
    dictionary.ensureFor('居住证');
    expect(loadedDictionary().kind).toBe('whole');
  }, 60_000);

  it('find every dictionary word inside a text', () => {
    const table = openJiebaWordTable(dir);
    const text = '我想提取住房公积金，中华人民共和国居民身份证😀5G';
    const chars = [...text];
    const expected = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= chars.length; j++) {
        const s = chars.slice(i, j).join('');
        if (table.frequency(s) !== undefined) expected.add(s);
      }
    }
    expect(expected).toContain('中华人民共和国');
    expect(expected).toContain('公积金');
    const found = dictionaryWordsIn(text, table);
    expect(new Set(found.keys())).toEqual(expected);
    expect(found.get('公积金')).toBe(table.line('公积金'));
  });
});
