import type { Passage, Retrieval } from '../../src/domain.js';
import { chunkByLines } from './fake-assistant.js';
import { FAKE_DOCS } from './fake-corpus.js';

/** Every chunk of FAKE_DOCS as a passage, in document order (公租房 guide first). */
export function fakePassages(): Passage[] {
  return FAKE_DOCS.flatMap((doc) =>
    chunkByLines(doc.meta.id, doc.text).map((chunk, i) => ({
      chunk,
      meta: doc.meta,
      score: 1 / (i + 1),
      why: { bm25Rank: i + 1, matchedTerms: [] },
    })),
  );
}

export function fakeRetrieval(passages: Passage[], relevant = true): Retrieval {
  return {
    query: 'q',
    passages,
    relevant,
    confidence: relevant ? 0.9 : 0.1,
    timings: { bm25Ms: 0, vectorMs: 0, fuseMs: 0 },
  };
}
