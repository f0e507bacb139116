import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../../src/text/sentences.js';

const texts = (s: string, spans: { start: number; end: number }[]) =>
  spans.map((x) => s.slice(x.start, x.end));

describe('splitSentences', () => {
  it('splits at Chinese terminators and newlines, keeping numbers with dots whole', () => {
    const s =
      '推动5G-A和F5G-A试点部署及应用,力争5G基站数达4.5万个。实施“数字青岛2.0”收官攻坚战！占比达到12%以上？\n  下一行';
    expect(texts(s, splitSentences(s))).toEqual([
      '推动5G-A和F5G-A试点部署及应用,力争5G基站数达4.5万个。',
      '实施“数字青岛2.0”收官攻坚战！',
      '占比达到12%以上？',
      '下一行',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence, and runs of terminators together', () => {
    const s = '他说：“要办成一件事。”（见附件。）真的吗？！好；再见';
    expect(texts(s, splitSentences(s))).toEqual([
      '他说：“要办成一件事。”',
      '（见附件。）',
      '真的吗？！',
      '好；',
      '再见',
    ]);
  });

  it('splits at half-width . ! ? ; only where they end a sentence', () => {
    const s = 'Version 2.0 is out. 1. 第一项; second! ok?';
    expect(texts(s, splitSentences(s))).toEqual(['Version 2.0 is out.', '1. 第一项;', 'second!', 'ok?']);
  });

  it('returns trimmed spans within [start, end) as offsets into the whole text', () => {
    const s = 'XX  　第一句。 第二句。\u3000 YY';
    const spans = splitSentences(s, 2, s.length - 2);
    expect(texts(s, spans)).toEqual(['第一句。', '第二句。']);
    expect(spans[0].start).toBe(s.indexOf('第一句'));
    expect(splitSentences('   \n\t ')).toEqual([]);
  });
});

describe('splitClauses', () => {
  it('also splits at ，、：,: but not inside 1,000 or 12:30 or URLs', () => {
    const s = '聚焦住房、一老一小,建成“城市云脑2.0”：共1,000项，12:30开放 https://x.cn/a。';
    expect(texts(s, splitClauses(s))).toEqual([
      '聚焦住房、',
      '一老一小,',
      '建成“城市云脑2.0”：',
      '共1,000项，',
      '12:30开放 https://x.cn/a。',
    ]);
  });
});
