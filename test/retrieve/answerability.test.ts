import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/domain.js';
import {
  type AnswerabilityFeatures,
  answerabilityFeatures,
  documentAgreement,
  FEATURE_NAMES,
} from '../../src/retrieve/answerability-features.js';
import {
  type AnswerabilityModel,
  coverageDecision,
  decideAnswerability,
} from '../../src/retrieve/answerability-model.js';
import { fitLogistic, predictProbability } from '../../src/retrieve/logistic-model.js';
import { termWeights } from '../../src/retrieve/relevance.js';

function passage(text: string, title = '青岛市养犬管理条例', article?: string): Passage {
  return {
    chunk: {
      id: `d#${text.length}`,
      docId: 'd',
      start: 0,
      end: text.length,
      headingPath: [`《${title}》`],
      article,
      text,
    },
    meta: { id: 'd', title, type: '法规', sourcePath: 'd.md' },
    score: 1,
    why: { matchedTerms: [] },
  };
}

const idf = new Map([
  ['养犬', 5],
  ['携犬', 6],
  ['出租汽车', 5],
  ['罚款', 2],
]);

describe('answerability features', () => {
  const base = {
    groups: [['携犬'], ['出租汽车'], ['罚款']],
    idf,
    bm25: [
      { chunkId: 'a', score: 9, rank: 1 },
      { chunkId: 'b', score: 3, rank: 2 },
    ],
    vector: [{ chunkId: 'a', score: 0.4, rank: 1 }],
    placeMismatch: () => false,
    quantityMissing: () => false,
  };

  it('reads coverage, the heaviest missing term, BM25 strength and margin', () => {
    const p1 = passage('乘客携犬乘坐出租汽车的，驾驶员可以拒载。', '青岛市养犬管理条例', '第二十条');
    const p2 = passage('违反本条例规定的，处以罚款。');
    const f = answerabilityFeatures({
      ...base,
      passages: [
        { passage: p2, text: p2.chunk.text, heading: '青岛市养犬管理条例' },
        { passage: p1, text: p1.chunk.text, heading: '青岛市养犬管理条例 第二十条' },
      ],
    });
    // p1 holds 携犬 and 出租汽车, lacks 罚款; p2 holds only 罚款 (weights: IDF × general rarity).
    const [w1, w2, w3] = termWeights(base.groups, idf);
    const total = w1 + w2 + w3;
    expect(f.coverage).toBeCloseTo((w1 + w2) / total, 5);
    expect(f.coverageTop1).toBeCloseTo(w3 / total, 5);
    expect(f.heaviestMissing).toBeCloseTo(w3 / total, 5);
    expect(f.bm25Margin).toBeCloseTo(6 / 9, 5);
    expect(f.bm25Strength).toBeCloseTo(9 / 13, 5); // first BM25 score over the summed IDF 6 + 5 + 2
    expect(f.vectorTop).toBe(0.4);
    expect(f.structured).toBe(1);
    // Three topical groups: termCount ln 4, and the best passage holds (w1 + w2) / total of them.
    expect(f.termCount).toBeCloseTo(Math.log(4), 5);
    expect(f.coveredTerms).toBeCloseTo(((w1 + w2) / total) * Math.log(4), 5);
    // Both passages are of document d.
    expect(f.documentAgreement).toBeCloseTo(2 / 5, 5);
    expect(Object.keys(f).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it("reads the document agreement as the first five passages' share from the first one's document", () => {
    const of = (docId: string): Passage => {
      const p = passage(`${docId}的条文`);
      return { ...p, chunk: { ...p.chunk, id: `${docId}#0`, docId } };
    };
    expect(documentAgreement([])).toBe(0);
    expect(documentAgreement(['a', 'b', 'a', 'c', 'a', 'a', 'a'].map(of))).toBeCloseTo(3 / 5, 5);
    expect(documentAgreement(['a', 'b', 'c', 'd', 'e'].map(of))).toBeCloseTo(1 / 5, 5);
    expect(documentAgreement(['a', 'a', 'a', 'a', 'a', 'b'].map(of))).toBe(1);
  });

  it('misses the asked quantity only when none of the top passages names it', () => {
    // p2 holds most of the terms (the penalty article), p1 names the asked quantity.
    const p1 = passage('供水企业应当提前四十八小时通知用户。');
    const p2 = passage('携犬乘坐出租汽车，违反本条例规定的，处以罚款。');
    const input = {
      ...base,
      passages: [
        { passage: p2, text: p2.chunk.text, heading: '' },
        { passage: p1, text: p1.chunk.text, heading: '' },
      ],
      quantityMissing: (text: string) => !text.includes('提前'),
    };
    expect(answerabilityFeatures(input).quantityMissing).toBe(0);
    expect(answerabilityFeatures({ ...input, passages: input.passages.slice(0, 1) }).quantityMissing).toBe(1);
  });

  it("counts a time of day only in a passage on the question's matter", () => {
    // The metro's last train: p1 is on the matter (轨道交通, 末班车) and states no time; p2 states a
    // bus station's night hours and holds neither word.
    const groups = [['轨道交通'], ['末班车'], ['发车']];
    const times = new Map([
      ['轨道交通', 6],
      ['末班车', 7],
      ['发车', 3],
    ]);
    const p1 = passage('轨道交通经营单位确定、调整首末班车行车时刻应当经批准。');
    const p2 = passage('客运站不得在当日二十二时至次日五时安排客运班车始发，按照发车时间组织车辆进站。');
    const input = {
      ...base,
      groups,
      idf: times,
      passages: [
        { passage: p1, text: p1.chunk.text, heading: '' },
        { passage: p2, text: p2.chunk.text, heading: '' },
      ],
      quantityMissing: (text: string) => !text.includes('时至'),
    };
    expect(answerabilityFeatures(input).quantityMissing).toBe(0);
    expect(answerabilityFeatures({ ...input, quantityOfTopic: true }).quantityMissing).toBe(1);
    // A passage on the matter that states the time names it.
    const p3 = passage('轨道交通末班车发车时间为二十二时至二十三时之间。');
    const withP3 = [...input.passages, { passage: p3, text: p3.chunk.text, heading: '' }];
    expect(answerabilityFeatures({ ...input, passages: withP3, quantityOfTopic: true }).quantityMissing).toBe(
      0,
    );
  });

  it('gives no coverage and full missing weight when nothing was retrieved', () => {
    const f = answerabilityFeatures({ ...base, passages: [], bm25: [], vector: [] });
    expect(f.coverage).toBe(0);
    expect(f.heaviestMissing).toBe(1);
    expect(f.bm25Strength).toBe(0);
  });
});

describe('logistic model', () => {
  it('learns a separable rule and generalises to new points', () => {
    // y = 1 when x0 > x1.
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = ((i * 37) % 100) / 100;
      const b = ((i * 61) % 100) / 100;
      if (Math.abs(a - b) < 0.05) continue;
      xs.push([a, b]);
      ys.push(a > b ? 1 : 0);
    }
    const model = fitLogistic(xs, ys, { l2: 0.001 });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(predictProbability(model, [0.9, 0.1])).toBeGreaterThan(0.9);
    expect(predictProbability(model, [0.1, 0.9])).toBeLessThan(0.1);
  });

  it('refuses mismatched rows', () => {
    expect(() => fitLogistic([[1]], [1, 0])).toThrow(/as many labels/);
  });
});

describe('answerability decision', () => {
  const features: AnswerabilityFeatures = {
    coverage: 0.9,
    coverageTop1: 0.9,
    heaviestMissing: 0.1,
    headingCoverage: 0.3,
    placeMismatch: 0,
    quantityMissing: 0,
    bm25Strength: 0.8,
    bm25Margin: 0.3,
    vectorTop: 0.3,
    termCount: 1.4,
    coveredTerms: 1.26,
    structured: 1,
    documentAgreement: 0.6,
  };
  const model: AnswerabilityModel = {
    features: ['coverage', 'placeMismatch'],
    weights: [8, -6],
    bias: -4,
    answerAt: 0.6,
    partialAt: 0.3,
  };

  it('answers, answers partly or refuses by the two thresholds', () => {
    expect(decideAnswerability(model, features).outcome).toBe('answer');
    expect(decideAnswerability(model, { ...features, coverage: 0.45 }).outcome).toBe('partial');
    expect(decideAnswerability(model, { ...features, placeMismatch: 1 }).outcome).toBe('refuse');
  });

  it('refuses a number question whose asked quantity no passage names', () => {
    const d = decideAnswerability(model, { ...features, quantityMissing: 1 });
    expect(d.outcome).toBe('refuse');
  });

  it('will not run a model fitted on other features', () => {
    expect(() => decideAnswerability({ ...model, features: ['coverage', 'margin'] }, features)).toThrow(
      /margin/,
    );
  });

  it('keeps the coverage gate for comparison', () => {
    expect(coverageDecision(0.6, 0.5).outcome).toBe('answer');
    expect(coverageDecision(0.4, 0.5).outcome).toBe('refuse');
  });
});

describe('place groups', () => {
  it('leaves place names out of coverage: place agreement is its own feature', async () => {
    const { isPlaceGroup } = await import('../../src/text/place-names.js');
    expect(isPlaceGroup(['青岛市', '青岛'])).toBe(true);
    expect(isPlaceGroup(['山东省'])).toBe(true);
    expect(isPlaceGroup(['青岛啤酒'])).toBe(false);
    // Names with a place in them are topics, not the asked place (an institution, a programme).
    expect(isPlaceGroup(['广州市公安局'])).toBe(false);
    expect(isPlaceGroup(['数字青岛'])).toBe(false);
    const p = passage('示范补贴每人每月发放300元。', '关于示范补贴的通知');
    const f = answerabilityFeatures({
      groups: [['北京市', '北京'], ['示范'], ['补贴']],
      idf: new Map([
        ['北京市', 9],
        ['北京', 9],
        ['示范', 3],
        ['补贴', 3],
      ]),
      passages: [{ passage: p, text: p.chunk.text, heading: '关于示范补贴的通知' }],
      bm25: [],
      vector: [],
      placeMismatch: () => false,
      quantityMissing: () => false,
    });
    expect(f.coverage).toBe(1);
  });
});
