import { describe, expect, it } from 'vitest';
import { TITLE_PRIOR_WEIGHT, titlePrior } from '../../src/retrieve/title-prior.js';

describe('title prior', () => {
  // "家里的狗老死了，能不能在小区花坛里埋？" as the retriever groups it, with corpus IDF.
  const groups = [['狗', '犬', '犬只'], ['小区'], ['花坛', '绿地'], ['埋', '掩埋']];
  const idf = new Map([
    ['狗', 6],
    ['犬', 7],
    ['犬只', 8],
    ['小区', 4],
    ['花坛', 9],
    ['绿地', 5],
    ['埋', 8],
    ['掩埋', 6],
  ]);
  const prior = titlePrior(groups, idf);

  it("lifts a law whose title names the question's matter, by the weighted share it names", () => {
    const dogs = prior({ title: '青岛市养犬管理条例', type: '法规' });
    expect(dogs).toBeGreaterThan(1);
    expect(dogs).toBeLessThanOrEqual(1 + TITLE_PRIOR_WEIGHT);
    expect(prior({ title: '青岛市胶州湾保护条例', type: '法规' })).toBe(1);
    // Naming more of the question lifts more.
    expect(prior({ title: '青岛市小区养犬管理条例', type: '法规' })).toBeGreaterThan(dogs);
  });

  it('lifts a service guide titled by the matter, as a law', () => {
    expect(prior({ title: '犬只登记', type: '办事指南' })).toBeGreaterThan(1);
    expect(prior({ title: '犬只登记', type: '办事指南' })).toBe(prior({ title: '犬只登记', type: '法规' }));
    expect(prior({ title: '居住证申领', type: '办事指南' })).toBe(1);
  });

  it('leaves notices and interpretations as they are', () => {
    expect(prior({ title: '关于加强养犬管理工作的通知', type: '通知' })).toBe(1);
    expect(prior({ title: '《青岛市养犬管理条例》政策解读', type: '政策解读' })).toBe(1);
  });

  it('does nothing at weight 0', () => {
    expect(titlePrior(groups, idf, 0)({ title: '青岛市养犬管理条例', type: '法规' })).toBe(1);
  });
});
