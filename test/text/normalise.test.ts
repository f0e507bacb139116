import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseForIndex, normaliseWithMap, toHalfWidth, toRawSpan } from '../../src/text/normalise.js';

const SEED = readFileSync(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url), 'utf8');

describe('toHalfWidth', () => {
  it('maps full-width letters, digits, punctuation and the ideographic space', () => {
    expect(toHalfWidth('５Ｇ－Ａ　１２％（ＡＩ）')).toBe('5G-A 12%(AI)');
  });

  it('keeps CJK punctuation that has no ASCII twin and preserves length', () => {
    const raw = '青政办字【２０２５】２１号，“数字青岛２．０”。';
    const out = toHalfWidth(raw);
    expect(out).toBe('青政办字【2025】21号,“数字青岛2.0”。');
    expect(out.length).toBe(raw.length);
  });

  it('returns the same string when there is nothing to map', () => {
    expect(toHalfWidth('住房公积金')).toBe('住房公积金');
  });
});

describe('normaliseForIndex', () => {
  it('removes PDF spaces between CJK and ASCII', () => {
    expect(normaliseForIndex('力争 5G 基站数达 4.5 万个')).toBe('力争5g基站数达4.5万个');
  });

  it('removes line breaks and spaces between CJK characters', () => {
    expect(normaliseForIndex('推动数字\n经济  提质增效 ')).toBe('推动数字经济提质增效');
  });

  it('keeps one space between Latin words and lower-cases them', () => {
    expect(normaliseForIndex('  Digital   Qingdao\t2.0 计划')).toBe('digital qingdao 2.0计划');
  });

  it('handles full-width input and zero-width characters', () => {
    expect(normaliseForIndex('推动５Ｇ－Ａ\u200b试点　部署')).toBe('推动5g-a试点部署');
  });

  it('removes spaces next to Chinese quotation marks', () => {
    expect(normaliseForIndex('深化 “人工智能+” 行动')).toBe('深化“人工智能+”行动');
  });
});

describe('normaliseForIndex on text already normal', () => {
  it('gives what the full pass gives, for any mix of characters', () => {
    // Han, Latin upper and lower, Latin-1 and Greek capitals, full-width forms, spaces, zero-width.
    const pool = [...'政务服务aZé ÀΣ５Ｇ，。\u3000\u200b\n-4.5%'];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = n % 9;
      for (let i = 0; i < length; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += pool[seed % pool.length];
      }
      expect(normaliseForIndex(text), JSON.stringify(text)).toBe(normaliseWithMap(text).text);
    }
    expect(normaliseForIndex('居住证')).toBe('居住证');
    expect(normaliseForIndex('Ａ证')).toBe('a证');
  });
});

describe('normaliseWithMap', () => {
  it('produces the same text as normaliseForIndex on the seed', () => {
    expect(normaliseWithMap(SEED).text).toBe(normaliseForIndex(SEED));
  });

  it('maps every normalised character back to its raw character', () => {
    const raw = '  力争 ５Ｇ 基站数达 4.5 万个\n\nDigital  Qingdao';
    const n = normaliseWithMap(raw);
    for (let i = 0; i < n.text.length; i++) {
      const back = toHalfWidth(raw[n.map[i]]).toLowerCase();
      if (n.text[i] === ' ') expect(/\s/.test(raw[n.map[i]])).toBe(true);
      else expect(back).toBe(n.text[i]);
    }
    expect(n.map[n.text.length]).toBe(raw.length);
  });

  it('turns a match in normalised text into a raw span', () => {
    const raw = '推动 5G-A 和 F5G-A 试点部署，力争 5G 基站数达 4.5 万个。';
    const n = normaliseWithMap(raw);
    const at = n.text.indexOf('4.5万个');
    const span = toRawSpan(n, at, at + '4.5万个'.length);
    expect(raw.slice(span.start, span.end)).toBe('4.5 万个');
  });

  it('finds seed phrases at their raw offsets', () => {
    const n = normaliseWithMap(SEED);
    const at = n.text.indexOf('5g基站数达4.5万个');
    expect(at).toBeGreaterThan(0);
    const span = toRawSpan(n, at, at + '5g基站数达4.5万个'.length);
    expect(SEED.slice(span.start, span.end)).toBe('5G基站数达4.5万个');
  });
});
