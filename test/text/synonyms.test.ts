import { describe, expect, it } from 'vitest';
import { GOV_TERMS } from '../../src/text/gov-terms.js';
import { isStopword } from '../../src/text/stopwords.js';
import { synonymsOf, synonymTerms } from '../../src/text/synonyms.js';

describe('synonyms', () => {
  it.each([
    ['社保', '社会保险'],
    ['公积金', '住房公积金'],
    ['身份证', '居民身份证'],
    ['医保', '基本医疗保险'],
    ['退休金', '养老金'],
    ['户口', '户籍'],
    ['驾照', '机动车驾驶证'],
    ['低保', '最低生活保障'],
  ])('%s ↔ %s in both directions', (a, b) => {
    expect(synonymsOf(a)).toContain(b);
    expect(synonymsOf(b)).toContain(a);
  });

  it('expands 五险一金 one way only', () => {
    expect(synonymsOf('五险一金')).toContain('住房公积金');
    expect(synonymsOf('住房公积金')).not.toContain('五险一金');
  });

  it('returns nothing for a term without synonyms and never the term itself', () => {
    expect(synonymsOf('基站')).toEqual([]);
    for (const t of synonymTerms()) expect(synonymsOf(t)).not.toContain(t);
  });
});

describe('stopwords and the government dictionary', () => {
  it('drops function words but not negations or modals', () => {
    for (const w of ['的', '了', '和', '与', '及', '等', '是', '在', '对', '为', '将'])
      expect(isStopword(w)).toBe(true);
    for (const w of ['不', '无', '未', '不得', '应当', '必须', '无证明']) expect(isStopword(w)).toBe(false);
  });

  it('has a few hundred unique terms with no spaces and none that is a stopword', () => {
    expect(GOV_TERMS.length).toBeGreaterThan(300);
    expect(new Set(GOV_TERMS).size).toBe(GOV_TERMS.length);
    for (const t of GOV_TERMS) {
      expect(t).not.toMatch(/\s/);
      expect(isStopword(t)).toBe(false);
    }
  });
});
