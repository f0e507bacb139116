import type { Passage } from '../../src/domain.js';

/**
 * Passages of law articles for composition tests: each article of `docId` a chunk whose offsets
 * are into the joined text, scored as given (retrieval order is the array order).
 */
export function articlePassages(docId: string, articles: { text: string; score: number }[]): Passage[] {
  let at = 0;
  return articles.map(({ text, score }, i) => {
    const start = at;
    at += text.length + 1;
    const label = /^(第[一二三四五六七八九十百]+条)/u.exec(text)?.[1];
    return {
      chunk: {
        id: `${docId}#${i}`,
        docId,
        headingPath: [docId],
        ...(label ? { article: label } : {}),
        text,
        start,
        end: start + text.length,
      },
      meta: { id: docId, title: docId, type: '法规', sourcePath: `${docId}.md` },
      score,
      why: { matchedTerms: [] },
    } satisfies Passage;
  });
}
