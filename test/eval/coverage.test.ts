import { describe, expect, it } from 'vitest';
import { covers, locateQuote, overlap, rankOfFirstCover } from '../../src/eval/coverage.js';

const span = (start: number, end: number, docId = 'd') => ({ docId, start, end });

describe('coverage rule', () => {
  it('a short quote inside a long passage is covered', () => {
    expect(covers(span(0, 500), span(100, 110))).toBe(true);
  });

  it('exactly half of the shorter span counts; one character less does not', () => {
    // passage 0..100, quote 90..110 (20 chars): overlap 10 = half of 20
    expect(overlap(span(0, 100), span(90, 110))).toBe(10);
    expect(covers(span(0, 100), span(90, 110))).toBe(true);
    expect(covers(span(0, 100), span(91, 111))).toBe(false);
  });

  it('a long article split over passages: a passage mostly inside it covers it', () => {
    const article = span(0, 1000);
    expect(covers(span(600, 900), article)).toBe(true);
    expect(covers(span(900, 1300), article)).toBe(false); // 100 of 400
  });

  it('different documents and empty spans never cover', () => {
    expect(covers(span(0, 100, 'a'), span(0, 100, 'b'))).toBe(false);
    expect(covers(span(5, 5), span(0, 10))).toBe(false);
  });

  it('rankOfFirstCover gives the 1-based rank of the first covering passage', () => {
    const ev = [span(200, 220), span(10, 20, 'other')];
    expect(rankOfFirstCover([span(0, 50), span(195, 300), span(10, 20, 'other')], ev)).toBe(2);
    expect(rankOfFirstCover([span(0, 50)], ev)).toBeUndefined();
  });
});

describe('locateQuote', () => {
  const text =
    '力争数字经济核心产业增加值占地区生产总值比重达到12%以上,建成3个千亿级数字经济产业集群。\n    二、实施';
  it('finds an exact substring', () => {
    const at = locateQuote(text, '建成3个千亿级', 'd');
    expect(at).toEqual({
      docId: 'd',
      start: text.indexOf('建成3个'),
      end: text.indexOf('建成3个') + 7,
      exact: true,
    });
  });
  it('falls back to whitespace- and width-insensitive matching and says so', () => {
    const at = locateQuote(text, '12％以上，建成 3个', 'd');
    expect(at?.exact).toBe(false);
    expect(text.slice(at?.start, at?.end)).toBe('12%以上,建成3个');
    const across = locateQuote(text, '集群。二、实施', 'd');
    expect(text.slice(across?.start, across?.end)).toBe('集群。\n    二、实施');
  });
  it('returns undefined when the quote is not there', () => {
    expect(locateQuote(text, '北京市', 'd')).toBeUndefined();
  });
});
