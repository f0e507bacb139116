import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiebaTokenizer, type JiebaTokenizer } from '../../src/text/jieba-tokenizer.js';

const SEED = readFileSync(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url), 'utf8');

let dictDir: string;
let tok: JiebaTokenizer;

beforeAll(() => {
  dictDir = mkdtempSync(join(tmpdir(), 'jieba-test-'));
  tok = createJiebaTokenizer({ dictDir });
  tok.tokenize('预热'); // loads the dictionary (2–8 s)
}, 60_000);

afterAll(() => {
  rmSync(dictDir, { recursive: true, force: true });
});

describe('JiebaTokenizer.tokenize', () => {
  it('keeps numbers and codes whole that jieba splits per character', () => {
    const terms = tok.tokenize(
      '推动5G-A和F5G-A试点部署，力争 5G 基站数达 4.5 万个，智能算力占比达35%，G20峰会，AI大模型',
    );
    for (const t of ['5g-a', 'f5g-a', '4.5万', '35%', 'g20', 'ai']) expect(terms).toContain(t);
    for (const piece of ['g', 'a', '4', '.', '%']) expect(terms).not.toContain(piece);
  });

  it('indexes a year as the bare number and percentages with their sign', () => {
    const terms = tok.tokenize('2025年比重达到12%以上，打造30个场景');
    expect(terms).toContain('2025');
    expect(terms).not.toContain('2025年');
    expect(terms).toContain('12%');
    expect(terms).toContain('30');
  });

  it('glues 万/亿 to the number before it: 3100亿元 → 3100亿', () => {
    expect(tok.tokenize('网络零售额达3100亿元')).toContain('3100亿');
  });

  it.each([
    '一件事',
    '高效办成一件事',
    '无证明城市',
    '城市云脑',
    '算力券',
    '一老一小',
    '规上工业企业',
    '人工智能+',
  ])('keeps the government term %s whole', (term) => {
    const text = `积极落实${term}相关工作`;
    expect(tok.tokenize(text)).toContain(term);
  });

  it('adds sub-words of long words so a short query term matches (住房公积金 → 公积金)', () => {
    const terms = tok.tokenize('缴存住房公积金');
    expect(terms).toEqual(expect.arrayContaining(['住房公积金', '住房', '公积金']));
    expect(tok.tokenize('无证明城市')).toEqual(
      expect.arrayContaining(['无证明城市', '无证明', '证明', '城市']),
    );
  });

  it('splits hyphenated codes into parts for recall: 5g-a also indexes 5g', () => {
    expect(tok.tokenize('5G-A')).toEqual(['5g-a', '5g']);
  });

  it('drops punctuation and stopwords but keeps negations', () => {
    const terms = tok.tokenize('对于居住证的办理，不得收取费用；未成年人无需提供证明。');
    for (const stop of ['对于', '的', '，', '；', '。']) expect(terms).not.toContain(stop);
    expect(terms).toContain('居住证');
    expect(terms).toContain('不得');
  });

  it('normalises full-width and PDF-spaced input to the same terms', () => {
    const a = tok.tokenize('力争５Ｇ基站数达４．５万个');
    const b = tok.tokenize('力争 5G 基站数达 4.5 万个');
    expect(a).toEqual(b);
  });

  it('tokenizes the seed with its key terms', () => {
    const terms = new Set(tok.tokenize(SEED));
    for (const t of [
      '数字青岛',
      '2.0',
      '高效办成一件事',
      '无证明机关',
      '一网协同',
      '数据要素',
      '算力券',
      '6.5万',
      '4.5万',
      '5g-a',
      '35%',
      '12%',
    ]) {
      expect(terms).toContain(t);
    }
  });
});

describe('JiebaTokenizer.tokenizeQuery', () => {
  it('gives the term as written first, then official synonyms', () => {
    const groups = tok.tokenizeQuery('社保和公积金怎么网上办？');
    expect(groups).toEqual([
      ['社保', '社会保险'],
      ['公积金', '住房公积金'],
      ['网上办', '网上办理', '一网通办', '全程网办'],
    ]);
  });

  it('maps official wording back to the colloquial one too', () => {
    const groups = tok.tokenizeQuery('机动车驾驶证到期换证');
    expect(groups[0][0]).toBe('机动车驾驶证');
    expect(groups[0]).toContain('驾照');
  });

  it('expands 五险一金 to the insurances and the housing fund', () => {
    const [group] = tok.tokenizeQuery('五险一金');
    expect(group[0]).toBe('五险一金');
    expect(group).toEqual(expect.arrayContaining(['社会保险', '住房公积金']));
  });

  it('does not add sub-words to queries and de-duplicates terms', () => {
    expect(tok.tokenizeQuery('住房公积金 住房公积金')).toEqual([['住房公积金', '公积金']]);
  });

  it('drops question words and offers the stem of a province or city name', () => {
    expect(tok.tokenizeQuery('北京市出台了哪些优惠政策？多少钱？')).toEqual([
      ['北京市', '北京'],
      ['出台'],
      ['优惠政策'],
      ['钱'],
    ]);
    expect(tok.tokenizeQuery('大城市')).toEqual([['大城市']]);
  });

  it('keeps codes whole in queries as in the index', () => {
    expect(tok.tokenizeQuery('5G-A 试点').map((g) => g[0])).toEqual(['5g-a', '试点']);
  });
});

describe('createJiebaTokenizer identity and dictionary', () => {
  it('has an id with the jieba version, the dictionary version and the extra-terms hash', () => {
    expect(tok.id).toMatch(/^jieba-3\.5\.8\+gov-dict-\d+\+lex-[0-9a-f]{8}\+rules-\d+\+extra-none$/);
    const withExtra = createJiebaTokenizer({ dictDir, extraTerms: ['数字更新'] });
    expect(withExtra.id).toMatch(/\+extra-[0-9a-f]{8}$/);
    expect(withExtra.id).not.toBe(tok.id);
    expect(createJiebaTokenizer({ dictDir, extraTerms: ['数字更新'] }).id).toBe(withExtra.id);
  });

  it('writes a user dictionary of `word freq tag` lines, normalised, skipping Latin phrases with spaces', () => {
    createJiebaTokenizer({ dictDir, extraTerms: ['山东手造 青岛有礼', '数字青岛２.０', 'Digital Qingdao'] });
    const files = readdirSync(dictDir).filter((f) => f.endsWith('.dict'));
    const bodies = files.map((f) => readFileSync(join(dictDir, f), 'utf8'));
    const body = bodies.find((b) => b.includes('数字青岛2.0'));
    expect(body).toBeDefined();
    // Normalisation removes spaces between CJK characters, in the dictionary as in the text.
    expect(body).toContain('\n山东手造青岛有礼 3000 n\n');
    expect(body).not.toContain('digital');
    for (const line of (body ?? '').trim().split('\n')) expect(line).toMatch(/^\S+ \d+ n$/);
  });

  it('switches dictionaries when a tokenizer with other extra terms is used, and back', () => {
    const plain = tok.tokenize('支持乡村开展数字更新');
    expect(plain).not.toContain('数字更新');
    const extra = createJiebaTokenizer({ dictDir, extraTerms: ['数字更新'] });
    expect(extra.tokenize('支持乡村开展数字更新')).toContain('数字更新');
    expect(tok.tokenize('支持乡村开展数字更新')).toEqual(plain);
  }, 60_000);
});
