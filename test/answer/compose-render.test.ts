import { describe, expect, it } from 'vitest';
import { withMarker } from '../../src/answer/compose-render.js';

describe('withMarker', () => {
  it('puts the marker before the closing punctuation', () => {
    expect(withMarker('力争5G基站数达4.5万个。', 1)).toBe('力争5G基站数达4.5万个[1]。');
    expect(withMarker('（一）机关办公场所；', 2)).toBe('（一）机关办公场所[2]；');
    expect(withMarker('无标点', 3)).toBe('无标点[3]。');
  });

  it('keeps a closing quotation mark after the marker, with no second full stop', () => {
    expect(withMarker('他说：“保持土地市场交易平稳有序进行。”', 1)).toBe(
      '他说：“保持土地市场交易平稳有序进行[1]。”',
    );
  });
});
