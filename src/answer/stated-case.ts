import type { Passage } from '../domain.js';
import { passageSentences, type QuotedPiece } from './passage-pieces.js';

/**
 * The pieces with, from each quoted passage, the sentences whose range holds a value the citizen
 * states (`holds`): "我今年30岁…有效期是几年" quotes 第五条's first sentence, and its case stands in
 * another one ("二十六周岁至四十五周岁的，发给有效期二十年的居民身份证"), which the number lead then
 * reads. Each added sentence follows the pieces of its passage in document order. Pure.
 */
export function withStatedRanges(
  passages: readonly Passage[],
  pieces: readonly QuotedPiece[],
  holds: (text: string) => boolean,
): QuotedPiece[] {
  const out = [...pieces];
  for (const index of new Set(pieces.map((p) => p.passageIndex))) {
    for (const s of passageSentences(passages[index])) {
      if (!holds(s.text)) continue;
      if (out.some((p) => p.passageIndex === index && p.start < s.end && s.start < p.end)) continue;
      const after = out.findLastIndex((p) => p.passageIndex === index && p.start < s.start);
      out.splice(after + 1, 0, { passageIndex: index, ...s });
    }
  }
  return out;
}
