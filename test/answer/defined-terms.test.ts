import { describe, expect, it } from 'vitest';
import { definitionsUsed } from '../../src/answer/defined-terms.js';
import type { Chunk } from '../../src/domain.js';
import { definitionsIn } from '../../src/text/defined-terms.js';

const TEXT = `第四十二条 本条例中下列用语的含义：
（一）午间，是指北京时间十二时至十四时之间的期间；
（二）夜间，是指北京时间二十二时至次日六时之间的期间。
第四十三条 本条例所称养犬人，是指饲养犬只的个人和单位。`;

const chunk: Chunk = {
  id: 'd#0',
  docId: 'd',
  start: 100,
  end: 100 + TEXT.length,
  text: TEXT,
  headingPath: ['条例'],
};

describe('defined terms', () => {
  it('finds "X，是指…" and "本条例所称X，是指…" with offsets into the document, enumerator left out', () => {
    const found = definitionsIn([chunk]);
    expect(found.map((d) => d.term)).toEqual(['午间', '夜间', '养犬人']);
    for (const d of found) expect(TEXT.slice(d.start - 100, d.end - 100)).toBe(d.text);
    expect(found[0].text).toBe('午间，是指北京时间十二时至十四时之间的期间；');
  });

  it('keeps the definitions of terms the quoted text uses that state a number', () => {
    const found = definitionsIn([chunk]);
    const hasNumber = (t: string) => /[十二]+时/.test(t);
    expect(definitionsUsed(found, '不得在夜间施工', hasNumber).map((d) => d.term)).toEqual(['夜间']);
    // 养犬人 is used but its definition states no number; nothing used, nothing added.
    expect(definitionsUsed(found, '养犬人应当', hasNumber)).toEqual([]);
    expect(definitionsUsed(found, '不得高声喊叫', hasNumber)).toEqual([]);
  });
});
