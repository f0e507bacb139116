import type { Passage } from '../domain.js';

/**
 * Drops passages that repeat a better-ranked one: a chunk overlapping a higher-ranked chunk of the
 * same document by more than `maxOverlap` of its length (the chunker's overlap, or an article and a
 * piece of it), and a chunk whose text equals a higher-ranked one elsewhere (the same article
 * copied into two documents). Keeps order. Pure.
 */
export function dropRepeats(passages: Passage[], maxOverlap = 0.5): Passage[] {
  const kept: Passage[] = [];
  const seenText = new Set<string>();
  for (const passage of passages) {
    const { chunk } = passage;
    const key = chunk.text.replace(/\s+/g, '');
    if (seenText.has(key)) continue;
    const length = Math.max(1, chunk.end - chunk.start);
    const repeats = kept.some((other) => {
      if (other.chunk.docId !== chunk.docId) return false;
      const overlap = Math.min(other.chunk.end, chunk.end) - Math.max(other.chunk.start, chunk.start);
      return overlap / length > maxOverlap;
    });
    if (repeats) continue;
    seenText.add(key);
    kept.push(passage);
  }
  return kept;
}
