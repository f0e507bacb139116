import { describe, expect, it } from 'vitest';
import { GOV_DICT_VERSION, GOV_TERMS, parseGovTerms } from '../../src/text/gov-terms.js';
import { loadLexicon } from '../../src/text/lexicon-files.js';
import { isStopword } from '../../src/text/stopwords.js';

const lexicon = loadLexicon();
const synonymsOf = (t: string) => lexicon.alternativesOf(t).map((a) => a.term);

describe('the built-in lexicon', () => {
  it('has several hundred rows and every term in the dictionary list', () => {
    expect(lexicon.size).toBeGreaterThan(300);
    for (const t of ['打车', '出租汽车', '暖气', '供热', '遛狗', '携犬']) expect(lexicon.terms).toContain(t);
  });

  it.each([
    ['打车', '出租汽车'],
    ['暖气', '供热'],
    ['装修', '装饰装修'],
    ['遛狗', '携犬'],
    ['罚多少', '罚款'],
    ['辞退', '解除劳动合同'],
    ['拆迁', '征收'],
    ['补办', '补领'],
    ['捕鱼', '捕捞'],
    ['国外', '境外'],
    ['管子', '管道'],
    ['取出', '提取'],
    ['镇上', '乡镇+人民政府'],
    ['民政局', '民政+部门'],
    ['劳动仲裁', '劳动争议+仲裁'],
    ['供暖期', '采暖期'],
    ['报备', '备案'],
    ['省政府', '省+人民政府'],
    ['区政府', '区+人民政府'],
    ['老外', '外国人'],
    ['家暴', '家庭暴力'],
    ['小岛', '海岛'],
    ['报税', '纳税+申报'],
    ['乱倒', '倾倒'],
    ['乱画', '涂写'],
    ['偷猎', '非法+猎捕'],
    ['人社局', '人力资源+社会保障'],
    ['人社部门', '人力资源+社会保障'],
    ['医保局', '医疗保障+部门'],
    ['驾校', '驾驶员+培训'],
    ['失能鉴定', '失能+评估'],
    ['燃气公司', '燃气+经营+企业'],
    ['住建局', '住房+城乡建设+部门'],
    ['市场监管局', '市场+监督管理+部门'],
    ['卫健委', '卫生+健康+部门'],
  ])('expands %s to %s, one way, with less weight than the word as asked', (a, b) => {
    const alt = lexicon.alternativesOf(a).find((x) => x.term === b);
    expect(alt?.weight).toBeGreaterThan(0);
    expect(alt?.weight).toBeLessThan(1);
    if (a !== '辞退') expect(synonymsOf(b)).not.toContain(a);
  });

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
    for (const t of lexicon.terms) expect(synonymsOf(t)).not.toContain(t);
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

  it('reads the dictionary file: its version, its terms in order, comments and repeats skipped', () => {
    expect(GOV_DICT_VERSION).toBe(2);
    expect(GOV_TERMS.slice(0, 2)).toEqual(['一件事', '一件事一次办']);
    const parsed = parseGovTerms('# about\n# version: 7\n\n## 改革\n一网通办\r\n 跨省通办 \n一网通办\n');
    expect(parsed).toEqual({ version: 7, terms: ['一网通办', '跨省通办'] });
    expect(() => parseGovTerms('一网通办\n')).toThrow(/version/);
  });
});
