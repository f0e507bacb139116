import type { Passage } from '../../../src/domain.js';

/** A passage for rerank tests: `text` in document `docId` titled `title`, at retrieval rank `rank`. */
export function passage(
  docId: string,
  title: string,
  text: string,
  rank: number,
  extra: Partial<Passage['chunk']> = {},
): Passage {
  return {
    chunk: { id: `${docId}#0`, docId, headingPath: [title], text, start: 0, end: text.length, ...extra },
    meta: { id: docId, title, type: '法规', sourcePath: `/corpus/${docId}.txt` },
    // Fused scores of neighbouring candidates differ by a tenth, as convex fusion gives them.
    score: 1 - 0.1 * (rank - 1),
    why: { bm25Rank: rank, matchedTerms: [] },
  };
}
