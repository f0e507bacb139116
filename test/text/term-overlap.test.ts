import { describe, expect, it } from 'vitest';
import { overlapShare, overlapUnits } from '../../src/text/term-overlap.js';

describe('overlapUnits', () => {
  it('gives Han bigrams and whole digit/Latin runs', () => {
    expect([...overlapUnits('住房公积金')]).toEqual(['住房', '房公', '公积', '积金']);
    expect(overlapUnits('力争 5G 基站数达 4.5 万个')).toEqual(
      new Set(['力争', '基站', '站数', '数达', '万个', '5g', '4.5']),
    );
  });

  it('keeps a lone Han character between non-Han text', () => {
    expect(overlapUnits('5G-A和F5G-A')).toEqual(new Set(['和', '5g-a', 'f5g-a']));
  });
});

describe('overlapShare', () => {
  it('is 1 when the needle is contained, lower when partly, 0 when not', () => {
    expect(overlapShare('公积金', '缴存住房公积金')).toBe(1);
    expect(overlapShare('公积金贷款', '缴存住房公积金')).toBeCloseTo(2 / 4);
    expect(overlapShare('养老服务', '缴存住房公积金')).toBe(0);
    expect(overlapShare('，。', '缴存住房公积金')).toBe(0);
  });
});
