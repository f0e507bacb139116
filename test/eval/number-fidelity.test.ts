import { describe, expect, it } from 'vitest';
import { numberFidelity } from '../../src/eval/number-fidelity.js';
import { extractNumbers, parseChineseNumeral } from '../../src/eval/numbers.js';

describe('number extraction', () => {
  it('reads Arabic numbers with 万/亿, percent, separators and dates', () => {
    const got = extractNumbers('力争5G基站数达4.5万个，比重12%以上，2025年，3,100亿元').map((n) => [
      n.text,
      n.value,
    ]);
    expect(got).toEqual([
      ['5', 5],
      ['4.5万', 45000],
      ['12%', 12],
      ['2025', 2025],
      ['3,100亿', 310000000000],
    ]);
  });
  it('reads Chinese numerals before measure words and after 百分之, not inside words', () => {
    expect(extractNumbers('建成三个集群，第十四条，百分之三十').map((n) => n.value)).toEqual([3, 14, 30]);
    expect(extractNumbers('高效办成一件事，一体化，十四五')).toEqual([]);
    // 一次性 is one-off, no count (a guide's title: 一次性待遇申领); 一次 still is.
    expect(extractNumbers('企业职工养老保险个人账户一次性待遇申领')).toEqual([]);
    expect(extractNumbers('每年至少召开一次').map((n) => n.value)).toEqual([1]);
    expect(parseChineseNumeral('两千零五')).toBe(2005);
    expect(parseChineseNumeral('三万五千')).toBe(35000);
  });
});

describe('numberFidelity', () => {
  const quote = '推动5G-A和F5G-A试点部署及应用，力争5G基站数达4.5万个。';
  it('passes an answer without numbers', () => {
    expect(numberFidelity('要推动试点部署。', [])).toEqual({
      pass: true,
      score: 1,
      reason: 'no numbers in the answer',
    });
  });
  it('passes when every number is in a cited quote, by value; citation markers are not numbers', () => {
    expect(numberFidelity('力争5G基站达到45000个[1]。', [quote]).pass).toBe(true);
    expect(numberFidelity('基站数达4.5万个[2]', [quote]).pass).toBe(true);
    expect(numberFidelity('建成三个集群', ['建成3个千亿级数字经济产业集群']).pass).toBe(true);
  });
  it('fails and names a number that no cited quote states', () => {
    const r = numberFidelity('力争5G基站数达5万个，2026年完成。', [quote]);
    expect(r.pass).toBe(false);
    expect(r.score).toBeCloseTo(1 / 3, 6);
    expect(r.reason).toBe('numbers not in any cited quote (1 cited quote(s)): "5万", "2026"');
  });
  it('a percent is not a plain number', () => {
    expect(numberFidelity('占比35', ['智能算力占比达35%']).pass).toBe(false);
  });
});
