import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/text/lexicon.js';
import { searchTargets, unmatchedTargets } from '../../src/text/lexicon-audit.js';

const ROWS = parseLexicon(
  '驾校\t>\t驾驶员+培训|机动车驾驶培训机构\n社保\t=\t社会保险\n养犬人\t:\t养犬人\n',
  'x.tsv',
);

describe('unmatchedTargets', () => {
  it('names each search target the index does not hold, with its row, and skips defined terms', () => {
    const held = (term: string) => term === '驾驶员+培训' || term === '社会保险';
    expect(unmatchedTargets(ROWS, held)).toEqual([
      { file: 'x.tsv', line: 1, from: '驾校', target: '机动车驾驶培训机构' },
    ]);
  });

  it('asks about every search target once and never about a defined term', () => {
    expect(searchTargets(ROWS)).toEqual(['驾驶员+培训', '机动车驾驶培训机构', '社会保险']);
  });
});
