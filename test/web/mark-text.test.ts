import { describe, expect, it } from 'vitest';
import { formatCitation, joinHeadingPath, lastHeading } from '../../src/web/staff/citation-format.js';
import { findTerms, normaliseRanges, pieces } from '../../src/web/staff/mark-text.js';

describe('pieces', () => {
  it('cuts text at merged highlight ranges and anchors, keeping markup characters as text', () => {
    const text = '<b>力争5G基站数达4.5万个</b>';
    const out = pieces(
      text,
      [
        { start: 5, end: 9 },
        { start: 7, end: 11 },
      ],
      [{ at: 3, id: 'sec-1' }],
    );
    expect(out.map((p) => [p.text, p.marked, p.anchors])).toEqual([
      ['<b>', false, []],
      ['力争', false, ['sec-1']],
      ['5G基站数达', true, []],
      ['4.5万个</b>', false, []],
    ]);
    expect(out.map((p) => p.text).join('')).toBe(text);
  });

  it('clamps ranges outside the text and drops empty ones', () => {
    expect(
      normaliseRanges(
        [
          { start: -3, end: 2 },
          { start: 5, end: 5 },
          { start: 8, end: 99 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 8, end: 10 },
    ]);
  });
});

describe('findTerms', () => {
  it('finds every occurrence, case-insensitively', () => {
    expect(findTerms('推动5G-A和F5g-A试点', ['5G', ''])).toEqual([
      { start: 2, end: 4 },
      { start: 8, end: 10 },
    ]);
  });
});

describe('formatCitation', () => {
  it('formats 《标题》（发文字号）第N条 and nests inner title marks as 〈〉', () => {
    expect(
      formatCitation({ title: '青岛市数据条例', docNumber: '青岛市人大常委会公告第5号', article: '第十条' }),
    ).toBe('《青岛市数据条例》（青岛市人大常委会公告第5号）第十条');
    expect(
      formatCitation({
        title: '《数字青岛2025年行动方案》政策解读',
        docNumber: '青政办字【2025】21号',
        section: '六、实施数据基础设施筑基工程',
      }),
    ).toBe('《〈数字青岛2025年行动方案〉政策解读》（青政办字【2025】21号）六、实施数据基础设施筑基工程');
    expect(formatCitation({ title: '办事指南' })).toBe('《办事指南》');
  });

  it('joins and splits heading paths', () => {
    expect(joinHeadingPath(['a', 'b'])).toBe('a › b');
    expect(lastHeading('a › b')).toBe('b');
    expect(lastHeading(undefined)).toBeUndefined();
  });
});
