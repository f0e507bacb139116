import { describe, expect, it } from 'vitest';
import { queryGroup, withAlternatives } from '../../src/text/tokenizer.js';

describe('withAlternatives', () => {
  it('appends new terms at their weights and keeps the group’s own weights', () => {
    const group = queryGroup(['社保', '社会保险'], [1, 0.9]);
    const out = withAlternatives(
      group,
      [
        { term: '社会保险', weight: 0.5 },
        { term: '参保', weight: 0.7 },
      ],
      0.8,
    );
    expect([...out]).toEqual(['社保', '社会保险', '参保']);
    expect(out.weights).toEqual([1, 0.9, 0.7]);
  });

  it('gives a plain group 1 for its first term and the fallback for the others', () => {
    const out = withAlternatives(['执行期', '执行'], [{ term: '执行+期限', weight: 0.9 }], 0.8);
    expect(out.weights).toEqual([1, 0.8, 0.9]);
  });
});
