import type { Passage } from '../domain.js';

/**
 * Drops passages that repeat a better-ranked one of the same document: a chunk overlapping a
 * higher-ranked chunk by more than `maxOverlap` of its length (the chunker's overlap, or an article
 * and a piece of it). Copies in other documents are folded by `foldCopies`. Keeps order. Pure.
 */
export function dropRepeats(passages: Passage[], maxOverlap = 0.5): Passage[] {
  const kept: Passage[] = [];
  for (const passage of passages) {
    const { chunk } = passage;
    const length = Math.max(1, chunk.end - chunk.start);
    const repeats = kept.some((other) => {
      if (other.chunk.docId !== chunk.docId) return false;
      const overlap = Math.min(other.chunk.end, chunk.end) - Math.max(other.chunk.start, chunk.start);
      return overlap / length > maxOverlap;
    });
    if (repeats) continue;
    kept.push(passage);
  }
  return kept;
}
