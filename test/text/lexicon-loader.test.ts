import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { Bm25Index } from '../../src/index/bm25.js';
import { weightQuery } from '../../src/index/postgres/pg-bm25.js';
import { holdsTerm } from '../../src/retrieve/relevance.js';
import { createJiebaTokenizer } from '../../src/text/jieba-tokenizer.js';
import {
  buildLexicon,
  DEFAULT_EQUIVALENT_WEIGHT,
  DEFAULT_EXPANSION_WEIGHT,
  parseLexicon,
} from '../../src/text/lexicon.js';
import { loadLexicon, readLexiconRows } from '../../src/text/lexicon-files.js';
import { queryGroup } from '../../src/text/tokenizer.js';

const dir = mkdtempSync(join(tmpdir(), 'lexicon-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isAppError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('parseLexicon', () => {
  it('reads one-way, two-way and definition rows, skipping comments and blank lines', () => {
    const rows = parseLexicon(
      [
        '# 注释',
        '',
        '打车\t>\t出租汽车|网约车',
        '社保\t=\t社会保险\t0.8   # trailing comment',
        '遛狗  >  携犬  -  doc:abc',
        '物业服务\t:\t业主通过选聘物业服务人提供服务的活动\t-\tdoc:d1',
      ].join('\n'),
      'x.tsv',
    );
    expect(rows.map((r) => [r.from, r.relation, r.to, r.weight, r.source, r.line])).toEqual([
      ['打车', '>', ['出租汽车', '网约车'], undefined, undefined, 3],
      ['社保', '=', ['社会保险'], 0.8, undefined, 4],
      ['遛狗', '>', ['携犬'], undefined, 'doc:abc', 5],
      ['物业服务', ':', ['业主通过选聘物业服务人提供服务的活动'], undefined, 'doc:d1', 6],
    ]);
  });

  it.each([
    ['打车\t出租汽车', /x\.tsv:2: expected FROM REL TO/],
    ['打车\t~\t出租汽车', /x\.tsv:2: relation must be >, = or :/],
    ['打车\t>\t出租汽车\t1.5', /x\.tsv:2: weight must be ≤ 1/],
    ['打车\t>\t出租汽车\t0', /x\.tsv:2: weight must be > 0/],
    ['打车\t>\t出租汽车\t很高', /x\.tsv:2: weight "很高" is not a number/],
    ['打车\t>\t|', /x\.tsv:2: no target term/],
    [`打车\t>\t${'长'.repeat(41)}`, /x\.tsv:2: target "长+": term longer than 40/],
  ])('rejects a bad row %j with CONFIG_INVALID naming file:line', (bad, message) => {
    const err = errorOf(() => parseLexicon(`社保\t=\t社会保险\n${bad}\n`, 'x.tsv'));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toMatch(message);
  });
});

describe('buildLexicon', () => {
  it('expands one-way rows one way, two-way rows both ways, with default weights below 1', () => {
    const lex = buildLexicon(
      parseLexicon('打车\t>\t出租汽车\n社保\t=\t社会保险\n养犬人\t:\t饲养犬只的个人\n', 'x'),
    );
    expect(lex.alternativesOf('打车')).toEqual([{ term: '出租汽车', weight: DEFAULT_EXPANSION_WEIGHT }]);
    expect(lex.alternativesOf('出租汽车')).toEqual([]);
    expect(lex.alternativesOf('社会保险')).toEqual([{ term: '社保', weight: DEFAULT_EQUIVALENT_WEIGHT }]);
    expect(lex.alternativesOf('养犬人')).toEqual([]);
    expect(lex.terms).toEqual(['养犬人', '出租汽车', '打车', '社会保险', '社保'].sort());
    expect(DEFAULT_EXPANSION_WEIGHT).toBeLessThan(1);
  });

  it('keeps the highest weight when rows repeat a pair, and its id follows the terms only', () => {
    const a = buildLexicon(parseLexicon('暖气\t>\t供热\t0.5\n暖气\t>\t供热|采暖\t0.7\n', 'x'));
    expect(a.alternativesOf('暖气')).toEqual([
      { term: '供热', weight: 0.7 },
      { term: '采暖', weight: 0.7 },
    ]);
    const reweighted = buildLexicon(parseLexicon('暖气\t>\t供热|采暖\t0.3\n', 'x'));
    expect(reweighted.id).toBe(a.id);
    expect(buildLexicon(parseLexicon('暖气\t>\t供热\n', 'x')).id).not.toBe(a.id);
  });
});

describe('lexicon files', () => {
  it('loads staff files after the built-in ones, and reports a bad row by path and line', () => {
    const good = file('staff.tsv', '# 本地用语\n崂山啤酒节\t>\t青岛国际啤酒节\n');
    const lex = loadLexicon([good]);
    expect(lex.alternativesOf('崂山啤酒节').map((a) => a.term)).toEqual(['青岛国际啤酒节']);
    expect(lex.alternativesOf('打车').length).toBeGreaterThan(0);
    const bad = file('bad.tsv', '崂山啤酒节\t>\t青岛国际啤酒节\n\n坏行\n');
    const err = errorOf(() => loadLexicon([bad]));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(`${bad}:3:`);
    expect(errorOf(() => readLexiconRows([join(dir, 'missing.tsv')])).message).toContain('missing.tsv');
  });

  it('puts staff terms in the segmenter dictionary and their expansions in the query, weighted', () => {
    const staff = file('staff2.tsv', '崂山啤酒节\t>\t青岛国际啤酒节\t0.5\n');
    const tok = createJiebaTokenizer({ lexicon: loadLexicon([staff]), dictDir: dir });
    expect(tok.userTerms).toContain('崂山啤酒节');
    const [group] = tok.tokenizeQuery('崂山啤酒节');
    expect([...group]).toEqual(['崂山啤酒节', '青岛国际啤酒节']);
    expect(group.weights).toEqual([1, 0.5]);
    expect(tok.id).not.toBe(createJiebaTokenizer({ dictDir: dir }).id);
  });
});

describe('all-of targets (人社局 > 人力资源+社会保障+部门)', () => {
  it('searches the words of an all-of target and keeps it out of the segmenter dictionary and the id', () => {
    const plain = file('plain.tsv', '崂山啤酒节\t>\t青岛国际啤酒节\n');
    const allOf = file(
      'all-of.tsv',
      '崂山啤酒节\t>\t青岛国际啤酒节\n人社办\t>\t人力资源+社会保障+部门\t0.7\n',
    );
    const lex = loadLexicon([allOf]);
    expect(lex.terms).toContain('人社办');
    expect(lex.terms).not.toContain('人力资源+社会保障+部门');
    const tok = createJiebaTokenizer({ lexicon: lex, dictDir: dir });
    expect(tok.userTerms).not.toContain('人力资源+社会保障+部门');
    // Only 人社办 is a new dictionary word; the target changes nothing the segmenter cuts.
    const withoutTarget = createJiebaTokenizer({
      lexicon: loadLexicon([file('from-only.tsv', '崂山啤酒节\t>\t青岛国际啤酒节\n人社办\t>\t人社办长\n')]),
      dictDir: dir,
    });
    expect(tok.userTerms.filter((t) => !withoutTarget.userTerms.includes(t))).toEqual([]);
    expect(loadLexicon([plain]).terms).not.toContain('人社办');
    const [group] = tok.tokenizeQuery('人社办');
    expect([...group]).toEqual(['人社办', '人力资源+社会保障+部门']);
    expect(group.weights).toEqual([1, 0.7]);
    // Each word of the target is cut as the documents are: a passage holding them all is found.
    const index = new Bm25Index();
    index.add(0, tok.tokenize('人力资源社会保障部门应当自接到投诉之日起五个工作日内作出是否受理的决定'));
    index.add(1, tok.tokenize('人力资源市场的培育'));
    index.add(2, tok.tokenize('社会保障卡的申领'));
    expect(index.search([group], 3).map((h) => h.ordinal)).toEqual([0]);
    // The relevance check holds it as the index does: every word in the passage.
    expect(holdsTerm('人力资源+社会保障+部门', '人力资源和社会保障行政部门应当受理')).toBe(true);
    expect(holdsTerm('人力资源+社会保障+部门', '人力资源市场的培育')).toBe(false);
  });

  it('refuses + on the left: the asked word is one word', () => {
    const bad = file('bad-all-of.tsv', '人社+局\t>\t人力资源+社会保障+部门\n');
    const err = errorOf(() => loadLexicon([bad]));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(`${bad}:1:`);
    expect(err.message).toContain('only on the right');
  });
});

describe('expansion weights in BM25', () => {
  // Two passages alike but for the word: one says 暖气 (as asked), one only 供热 (the expansion).
  const asked = ['暖气', '温度', '标准'];
  const expansion = ['供热', '温度', '标准'];
  const group = queryGroup(['暖气', '供热'], [1, DEFAULT_EXPANSION_WEIGHT]);

  it('ranks a passage with the asked word above one with only the expansion (local index)', () => {
    const index = new Bm25Index();
    index.add(0, expansion);
    index.add(1, asked);
    index.add(2, ['其他', '内容']);
    const hits = index.search([group, ['温度']], 3);
    expect(hits.map((h) => h.ordinal)).toEqual([1, 0]);
    // Equal weights would tie (same tf, same df, same length): the weight decides.
    const tied = index.search([queryGroup(['暖气', '供热'], [1, 1]), ['温度']], 3);
    expect(tied[0].score).toBeCloseTo(tied[1].score);
    expect(hits[1].score).toBeLessThan(hits[0].score);
  });

  it('passes the expansion weight into the SQL term weights (postgres)', () => {
    const df = new Map([
      ['暖气', 1],
      ['供热', 1],
    ]);
    const { terms } = weightQuery([group], df, 3);
    const byTerm = new Map(terms.map((t) => [t.term, t.weight]));
    expect(byTerm.get('供热')).toBeCloseTo((byTerm.get('暖气') ?? 0) * DEFAULT_EXPANSION_WEIGHT);
    // A plain group keeps the old rule: 1 for the first, synonymWeight for the rest.
    const plain = new Map(weightQuery([['暖气', '供热']], df, 3).terms.map((t) => [t.term, t.weight]));
    expect(plain.get('供热')).toBeCloseTo((plain.get('暖气') ?? 0) * 0.9);
  });
});
