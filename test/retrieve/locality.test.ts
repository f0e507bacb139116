import { describe, expect, it } from 'vitest';
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
