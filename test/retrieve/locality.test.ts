import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/domain.js';
import { placeFactor, placesServed } from '../../src/retrieve/coverage-factors.js';
import {
  askedRegion,
  DEFAULT_LOCALITY,
  localityFactor,
  placeTier,
  regionOf,
} from '../../src/retrieve/locality.js';

describe('locality prior', () => {
  it('reads the most specific region a text names', () => {
    expect(regionOf('在青岛打车')).toBe('山东省青岛市');
    expect(regionOf('山东省青岛市')).toBe('山东省青岛市');
    expect(regionOf('在广州补办保安员证')).toBe('广东省广州市');
    expect(regionOf('在广东申请')).toBe('广东省');
    expect(regionOf('居住证怎么办')).toBeUndefined();
  });

  it('reads a district of Qingdao as Qingdao, and 崂山 alone as the mountain', () => {
    expect(regionOf('市南区能放鞭炮吗')).toBe('山东省青岛市');
    expect(regionOf('在李沧开了个小加工厂')).toBe('山东省青岛市');
    expect(regionOf('平度乡下盖房子')).toBe('山东省青岛市');
    expect(regionOf('周末去崂山爬山')).toBeUndefined();
    expect(regionOf('崂山区的学校')).toBe('山东省青岛市');
  });

  it('takes the place a question names, else the deployment region', () => {
    expect(askedRegion('在广州补办保安员证要什么条件？', '青岛市')).toBe('广东省广州市');
    expect(askedRegion('楼上装修几点以后不能干？', '青岛市')).toBe('山东省青岛市');
    expect(askedRegion('楼上装修几点以后不能干？', undefined)).toBeUndefined();
  });

  it('ranks the asked place, then its province or cities, then national, then other places', () => {
    expect(placeTier('山东省青岛市', '山东省青岛市')).toBe('exact');
    expect(placeTier('山东省青岛市', '山东省')).toBe('near');
    expect(placeTier('广东省', '广东省广州市')).toBe('near');
    expect(placeTier('山东省青岛市', '全国')).toBe('national');
    expect(placeTier('山东省青岛市', undefined)).toBe('national');
    expect(placeTier('山东省青岛市', '山东省东营市')).toBe('other');
    const f = (t: Parameters<typeof localityFactor>[0]) => localityFactor(t, DEFAULT_LOCALITY);
    expect(f('exact')).toBeGreaterThan(f('near'));
    expect(f('near')).toBeGreaterThan(f('national'));
    expect(f('national')).toBeGreaterThan(f('other'));
    expect(f('national')).toBe(1);
  });
});

describe('a province document in its cities', () => {
  const passage = (title: string, text: string): Passage => ({
    chunk: { id: `${title}#0`, docId: title, start: 0, end: text.length, text, headingPath: [title] },
    meta: { id: title, title, type: '法规', sourcePath: `${title}.md` },
    score: 1,
    why: { matchedTerms: [] },
  });
  const shandong = passage('山东省人口与计划生育条例', '除国家规定的产假外，增加产假六十日。');
  const qingdao = passage('青岛市养犬管理条例', '携犬乘坐出租车的，应当征得驾驶员的同意。');

  it("holds for a question about a city the index serves, not for another city's question", () => {
    const served = placesServed([qingdao.meta, shandong.meta]);
    expect([...served].sort()).toEqual(['山东', '青岛']);
    expect(placeFactor('在青岛生孩子产假多少天？', shandong, served)).toBe(1);
    // No 济南 document is indexed: the province's rule is not taken for 济南's.
    expect(placeFactor('在济南生孩子产假多少天？', shandong, served)).toBeLessThan(1);
    // A city's document stays another place's for another city.
    expect(placeFactor('在济南能抱着狗打车吗？', qingdao, served)).toBeLessThan(1);
    // Without the served places the province's rule is not taken either.
    expect(placeFactor('在青岛生孩子产假多少天？', shandong)).toBeLessThan(1);
  });
});
