import type { Retrieval } from '../domain.js';
import type { SearchStore } from '../index/search-store.js';
import type { AnswerLine } from './compose-render.js';
import { guideLines } from './document-lines.js';
import { guideOfAskedAction } from './guide-actions.js';
import { guideOfOtherMatter } from './guide-matter.js';
import type { ReadDocument } from './read-once.js';
import { siblingGuide } from './sibling-guides.js';

/**
 * A 办事指南 question answered from a guide's fields (document-lines.ts). The guide is the first
 * passage's, or its sibling's the question names (sibling-guides.ts), or that matter's guide for the
 * action the question names (guide-actions.ts); a guide of another matter answers nothing
 * (guide-matter.ts: `notAbout`). Undefined when the first passage is no guide or no field answers.
 */
export async function guideAnswer(
  question: string,
  retrieval: Retrieval,
  read: ReadDocument,
  { store, referralLine }: { store: Pick<SearchStore, 'listDocuments'>; referralLine: string },
): Promise<AnswerLine[] | { notAbout: string } | undefined> {
  const top = siblingGuide(question, retrieval.passages) ?? retrieval.passages[0];
  const doc = await read(
    await guideOfAskedAction(question, top.meta, (authority) =>
      store.listDocuments({ type: '办事指南', ...(authority ? { authority } : {}) }),
    ),
  );
  if (!doc) return undefined;
  const lines = guideLines(question, doc, top, referralLine);
  const other = lines && retrieval.terms ? guideOfOtherMatter(doc, retrieval.terms) : undefined;
  return other ? { notAbout: other } : lines;
}
