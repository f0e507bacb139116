import { describe, expect, it } from 'vitest';
import { answerabilityFeatures } from '../../src/retrieve/answerability-features.js';
import { DISTRICT_WEIGHT, withDistrictsLight } from '../../src/retrieve/district-weight.js';
import { isPlaceGroup } from '../../src/text/place-names.js';
import { alternativeWeight } from '../../src/text/tokenizer.js';
import { articlePassages } from '../fakes/article-passages.js';

describe('a district of Qingdao in a question', () => {
  it('is a place, like a city: 市南区, 李沧, 平度市; not the mountain 崂山 nor a word holding a district', () => {
    expect(isPlaceGroup(['市南区'])).toBe(true);
    expect(isPlaceGroup(['李沧'])).toBe(true);
    expect(isPlaceGroup(['平度市'])).toBe(true);
    expect(isPlaceGroup(['崂山'])).toBe(false);
    expect(isPlaceGroup(['即墨古城'])).toBe(false);
    expect(isPlaceGroup(['烟花爆竹'])).toBe(false);
  });

  it('is searched at a lower weight than the words of the matter', () => {
    const [district, matter] = withDistrictsLight([['市南区'], ['放鞭炮', '燃放烟花爆竹']]);
    expect(alternativeWeight(district, 0, 1)).toBe(DISTRICT_WEIGHT);
    expect(DISTRICT_WEIGHT).toBeLessThan(1);
    expect(alternativeWeight(matter, 0, 0.5)).toBe(1);
  });

  it('counts for nothing in how much of the question a passage holds', () => {
    const [tractors] = articlePassages('noise', [
      { text: '第十六条 在市南区、市北区、李沧区行政区域内，禁止拖拉机行驶。', score: 1 },
    ]);
    const features = answerabilityFeatures({
      groups: [['市南区'], ['放鞭炮', '燃放烟花爆竹']],
      idf: new Map([
        ['市南区', 7],
        ['放鞭炮', 10],
        ['燃放烟花爆竹', 7],
      ]),
      passages: [{ passage: tractors, text: tractors.chunk.text, heading: '' }],
      bm25: [{ chunkId: tractors.chunk.id, score: 5, rank: 1 }],
      vector: [],
      placeMismatch: () => false,
      quantityMissing: () => false,
    });
    expect(features.coverage).toBe(0);
  });
});
