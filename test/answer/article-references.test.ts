import { describe, expect, it } from 'vitest';
import { crossReferenced, referencedArticles } from '../../src/answer/article-references.js';
import { articlePassages } from '../fakes/article-passages.js';

describe('article references', () => {
  it('reads the articles of the same document a penalty article names', () => {
    expect(
      referencedArticles(
        '第十一条 违反本规定第二条、第三条第一款、第五条第二款规定，在禁止燃放烟花爆竹的区域燃放的，处罚款。',
      ),
    ).toEqual(['第二条', '第三条', '第五条']);
  });

  it("ignores another document's article and the article's own label", () => {
    expect(referencedArticles('第十二条 依照《烟花爆竹安全管理条例》第三十六条的规定予以处罚。')).toEqual([]);
  });

  it('pairs a rule and the penalty that names it, in either order, within one document', () => {
    const [rule, penalty, other] = articlePassages('fireworks', [
      { text: '第三条 下列场所禁止燃放烟花爆竹：', score: 1 },
      { text: '第十一条 违反本规定第三条规定燃放烟花爆竹的，处三百元以上五百元以下罚款。', score: 0.9 },
      { text: '第十二条 烟花爆竹由公安机关组织销毁。', score: 0.8 },
    ]);
    expect(crossReferenced(penalty, rule)).toBe(true);
    expect(crossReferenced(rule, penalty)).toBe(true);
    expect(crossReferenced(other, rule)).toBe(false);
    const [elsewhere] = articlePassages('another-law', [{ text: '第三条 下列场所禁止吸烟：', score: 1 }]);
    expect(crossReferenced(penalty, elsewhere)).toBe(false);
  });
  it('pairs a rule with the penalty that restates its conduct without naming the article', () => {
    const [rule, penalty, unrelated, rewording] = articlePassages('elder-education', [
      {
        text: '第三十条 老年教育机构不得以养生、保健、投资、收藏等名义开展营利性讲座培训等活动。',
        score: 1,
      },
      {
        text: '第四十二条 违反本条例规定，老年教育机构有下列行为之一的，由教育行政部门责令限期改正，予以警告：\n（二）以养生、保健、投资、收藏等名义开展营利性讲座培训等活动的。',
        score: 0.9,
      },
      { text: '第四十三条 违反本条例规定，导致安全事故的，依法追究刑事责任。', score: 0.8 },
      { text: '第四十四条 老年教育机构开展营利性讲座培训的，由教育行政部门予以警告。', score: 0.7 },
    ]);
    expect(crossReferenced(rule, penalty)).toBe(true);
    expect(crossReferenced(penalty, rule)).toBe(true);
    // A sanction of other conduct, or of the conduct in other words, is not the rule's penalty.
    expect(crossReferenced(rule, unrelated)).toBe(false);
    expect(crossReferenced(rule, rewording)).toBe(false);
  });
});
