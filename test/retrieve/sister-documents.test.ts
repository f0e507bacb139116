import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/domain.js';
import { demoteWiderSisters, titleStem, WIDER_SISTER_FACTOR } from '../../src/retrieve/sister-documents.js';

const passage = (title: string, score: number): Passage => ({
  chunk: {
    id: `${title}#0`,
    docId: title,
    start: 0,
    end: 4,
    text: '供热条例',
    headingPath: [`《${title}》`],
  },
  meta: { id: title, title, type: '法规', sourcePath: `${title}.md` },
  score,
  why: { matchedTerms: [] },
});

const scores = (ranked: Passage[]) => Object.fromEntries(ranked.map((p) => [p.meta.id, p.score]));

describe('sister documents', () => {
  it('names a regulation by its subject, without its place or its kind', () => {
    expect(titleStem('青岛市供热条例')).toBe('供热');
    expect(titleStem('《山东省供热条例》')).toBe('供热');
    expect(titleStem('中华人民共和国消防法')).toBe('消防');
    expect(titleStem('物业管理条例')).toBe('物业管理');
    expect(titleStem('城市供水条例')).toBe('城市供水');
    expect(titleStem('青岛市法')).toBeUndefined();
    // A law and the regulation that implements it in a province are one family.
    expect(titleStem('中华人民共和国法律援助法')).toBe(titleStem('山东省法律援助条例'));
  });

  it("puts the province's regulation before the nation's law on its subject", () => {
    const ranked = [passage('中华人民共和国法律援助法', 1), passage('山东省法律援助条例', 0.95)];
    const out = scores(demoteWiderSisters('在青岛申请法律援助多久能答复？', ranked));
    expect(out.中华人民共和国法律援助法).toBeCloseTo(WIDER_SISTER_FACTOR);
    expect(out.山东省法律援助条例).toBe(0.95);
  });

  it("demotes the province's and the nation's document where the city's matches too", () => {
    const ranked = [passage('山东省供热条例', 1), passage('青岛市供热条例', 0.95), passage('供热条例', 0.9)];
    const out = scores(demoteWiderSisters('暖气报停最晚什么时候办？', ranked));
    expect(out.山东省供热条例).toBeCloseTo(WIDER_SISTER_FACTOR);
    expect(out.供热条例).toBeCloseTo(0.9 * WIDER_SISTER_FACTOR);
    expect(out.青岛市供热条例).toBe(0.95);
    // Asked about Qingdao: the same.
    expect(scores(demoteWiderSisters('在青岛暖气报停…', ranked)).山东省供热条例).toBeLessThan(1);
  });

  it("keeps the province's first for a question naming the province or another city", () => {
    const ranked = [passage('山东省供热条例', 1), passage('青岛市供热条例', 0.95)];
    expect(scores(demoteWiderSisters('山东省暖气报停最晚什么时候办？', ranked)).山东省供热条例).toBe(1);
    expect(scores(demoteWiderSisters('在济南暖气报停最晚什么时候办？', ranked)).山东省供热条例).toBe(1);
  });

  it('leaves the choice to the ranking when two cities match a question naming neither', () => {
    const ranked = [
      passage('山东省供热条例', 1),
      passage('青岛市供热条例', 0.95),
      passage('东营市供热条例', 0.9),
    ];
    expect(scores(demoteWiderSisters('暖气报停最晚什么时候办？', ranked)).山东省供热条例).toBe(1);
    // Named, the city picks its own line.
    expect(scores(demoteWiderSisters('东营暖气报停最晚什么时候办？', ranked)).山东省供热条例).toBeLessThan(1);
  });

  it('leaves unrelated documents alone', () => {
    const ranked = [passage('山东省供热条例', 1), passage('青岛市养犬管理条例', 0.9)];
    expect(scores(demoteWiderSisters('暖气报停', ranked))).toEqual({
      山东省供热条例: 1,
      青岛市养犬管理条例: 0.9,
    });
  });
});
