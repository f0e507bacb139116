import { describe, expect, it } from 'vitest';
import { falseRefusalRate, refusalAccuracy, refusalCorrect } from '../../src/eval/refusal-metrics.js';

const outcomes = [
  { id: 'a1', answerable: true, refused: false },
  { id: 'a2', answerable: true, refused: true },
  { id: 'a3', answerable: true, refused: false },
  { id: 'a4', answerable: true, refused: false },
  { id: 'u1', answerable: false, refused: true },
  { id: 'u2', answerable: false, refused: false },
];

describe('refusal metrics', () => {
  it('accuracy over unanswerable items names those answered', () => {
    expect(refusalAccuracy(outcomes)).toEqual({
      pass: false,
      score: 0.5,
      reason: 'answered unanswerable items: u2',
    });
    expect(refusalAccuracy(outcomes.slice(0, 5)).pass).toBe(true);
  });
  it('false-refusal rate over answerable items names those refused', () => {
    expect(falseRefusalRate(outcomes)).toEqual({
      pass: false,
      score: 0.25,
      reason: 'refused answerable items: a2',
    });
    expect(falseRefusalRate([outcomes[0]])).toMatchObject({ pass: true, score: 0 });
  });
  it('per item', () => {
    expect(refusalCorrect(outcomes[1]).pass).toBe(false);
    expect(refusalCorrect(outcomes[4]).pass).toBe(true);
  });
});
