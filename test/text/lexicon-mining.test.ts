import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/text/lexicon.js';
import { readLexiconRows } from '../../src/text/lexicon-files.js';
import { abbreviationsIn, definitionsIn, mineLexicon } from '../../src/text/lexicon-mining.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'mine-lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FUND =
  '为加强管理，市人民政府设立的青岛市住房公积金管理中心（以下简称“公积金中心”）负责本市住房公积金的管理运作。';
const LAW =
  '根据《中华人民共和国劳动合同法》（以下简称《劳动合同法》）和本条例（以下简称条例），制定本办法。';
const DEFINITION = '第二条 本条例所称养犬人，是指饲养犬只的个人和单位。本办法所称“以上”包括本数。';

describe('abbreviationsIn / definitionsIn', () => {
  it('finds a full name and its abbreviation, cutting the sentence before the name', () => {
    expect(abbreviationsIn(FUND)).toEqual([
      { full: '青岛市住房公积金管理中心', abbr: '公积金中心', titled: false },
    ]);
  });

  it('takes a 《title》 whole and skips abbreviations that name the document itself', () => {
    expect(abbreviationsIn(LAW)).toEqual([
      { full: '中华人民共和国劳动合同法', abbr: '劳动合同法', titled: true },
    ]);
  });

  it('skips a name whose abbreviation only narrows its last word', () => {
    expect(abbreviationsIn('不包括其他银行（以下简称银行）。')).toEqual([]);
  });

  it('finds defined terms with the start of their definition, not generic words', () => {
    expect(definitionsIn(DEFINITION)).toEqual([['养犬人', '饲养犬只的个人和单位']]);
  });
});

describe('mineLexicon', () => {
  it('keeps titled pairs, untitled ones stated by two documents, and drops ambiguous abbreviations', () => {
    const pairs = mineLexicon([
      { id: 'a', text: FUND + LAW + DEFINITION },
      { id: 'b', text: LAW },
      { id: 'c', text: '深圳市城市规划委员会（以下简称规委会）。' },
      { id: 'd', text: '青岛市城市规划委员会（以下简称规委会）。青岛市城市规划委员会（以下简称规委会）。' },
      { id: 'e', text: '《北京市城市规划委员会章程》（以下简称《规委会》）' },
    ]);
    expect(pairs.map((p) => [p.from, p.relation, p.to, p.docId, p.count])).toEqual([
      ['中华人民共和国劳动合同法', '=', '劳动合同法', 'a', 2],
      ['养犬人', ':', '饲养犬只的个人和单位', 'a', 1],
    ]);
  });
});

describe('npm run mine-lexicon', () => {
  it('writes a lexicon file the loader reads, with the document id of each pair', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'fund.txt'), `青岛市住房公积金管理办法\n\n${FUND}\n${LAW}\n${DEFINITION}\n`);
    writeFileSync(join(corpus, 'law.txt'), `劳动合同实施办法\n\n${LAW}\n${FUND}\n`);
    const out = join(dir, 'mined.tsv');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/mine-lexicon.ts', '--corpus', corpus, '--out', out],
      { env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    expect(stdout).toContain('2 abbreviation pairs, 1 defined terms');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^青岛市住房公积金管理中心\t=\t公积金中心\t-\tdoc:\S+\+1$/m);
    const lexicon = buildLexicon(readLexiconRows([out]));
    expect(lexicon.alternativesOf('公积金中心').map((a) => a.term)).toEqual(['青岛市住房公积金管理中心']);
    expect(lexicon.terms).toContain('养犬人');
  }, 60_000);
});
