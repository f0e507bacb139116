import { describe, expect, it } from 'vitest';
import {
  chooseThresholds,
  crossValidatedProbabilities,
  fitAnswerability,
  renderWeightsModule,
} from '../../src/calibrate/fit-answerability.js';
import { spokenPlace, spokenSubject } from '../../src/calibrate/question-generator.js';
import { seededRandom } from '../../src/calibrate/random.js';
import { MODEL_FEATURES as FEATURE_NAMES } from '../../src/retrieve/answerability-features.js';

describe('question generator wording', () => {
  it('says places and subjects as a citizen would', () => {
    expect(spokenPlace('山东省青岛市')).toBe('青岛');
    expect(spokenPlace('广东省')).toBe('广东');
    expect(spokenPlace('全国')).toBeUndefined();
    expect(spokenSubject('青岛市养犬管理条例')).toBe('养犬管理');
    expect(spokenSubject('中华人民共和国消费者权益保护法(2013修正)')).toBe('消费者权益保护法');
  });

  it('draws the same sequence from the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seq = (r: typeof a) => Array.from({ length: 5 }, () => r.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('threshold choice', () => {
  it('puts the answer threshold between the classes and the partial one low enough for 5 % false refusals', () => {
    const probs = [0.9, 0.8, 0.7, 0.6, 0.35, 0.3, 0.2, 0.1, 0.05, 0.02];
    const answerable = [true, true, true, true, true, false, false, false, false, false];
    const t = chooseThresholds(probs, answerable);
    expect(t.answerAt).toBeGreaterThan(0.3);
    expect(t.answerAt).toBeLessThanOrEqual(0.35);
    expect(t.falseRefusal).toBe(0);
    expect(t.refusalAccuracy).toBe(1);
  });

  it('lowers the partial threshold when answerable questions score low', () => {
    const probs = [0.9, 0.8, 0.7, 0.2, 0.4, 0.3, 0.1, 0.05];
    const answerable = [true, true, true, true, false, false, false, false];
    const t = chooseThresholds(probs, answerable);
    expect(t.partialAt).toBeLessThanOrEqual(0.2);
    expect(t.partialAt).toBeLessThan(t.answerAt);
  });
});

describe('fitting on generated rows', () => {
  const random = seededRandom(3);
  const rows = Array.from({ length: 120 }, (_, i) => {
    const answerable = i % 2 === 0;
    const coverage = answerable ? 0.5 + random.next() * 0.5 : random.next() * 0.6;
    const x = FEATURE_NAMES.map((n) => (n === 'coverage' ? coverage : random.next() * 0.1));
    return { question: `q${i}`, answerable, kind: 'answerable' as const, docId: 'd', x };
  });

  it('cross-validates out of fold and fits coverage as the deciding feature', () => {
    const probs = crossValidatedProbabilities(rows);
    const pos = probs.filter((_, i) => rows[i].answerable);
    const neg = probs.filter((_, i) => !rows[i].answerable);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(pos)).toBeGreaterThan(mean(neg) + 0.2);
    const { model } = fitAnswerability(rows);
    const coverageWeight = model.weights[FEATURE_NAMES.indexOf('coverage')];
    expect(coverageWeight).toBeGreaterThan(1);
    expect(model.partialAt).toBeLessThanOrEqual(model.answerAt);
  });

  it('renders a module that names every feature with its weight', () => {
    const { model } = fitAnswerability(rows);
    const text = renderWeightsModule(model, ['fitted in a test']);
    for (const name of FEATURE_NAMES) expect(text).toMatch(new RegExp(`${name}: -?\\d`));
    expect(text).toContain(`answerAt: ${model.answerAt}`);
  });
});
