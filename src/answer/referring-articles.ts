import type { Passage } from '../domain.js';
import { relayedAs } from '../ingest/flag-passages.js';
import { crossReferenced } from './article-references.js';
import type { ReadDocument } from './read-once.js';

/** Articles fetched beside the anchor at most: the rule and its penalty seldom span more. */
const MAX_FETCHED = 2;

/**
 * The articles of the anchor passage's document that name it or that it names ("违反本条例第二十七条
 * 第一款规定…处…罚款" for the 野外用火 rule of 第二十七条), read from the stored document when the
 * retrieval did not return them: a question asking whether something is allowed or punished wants
 * the rule and its sanction, and the sanction shares few of the citizen's words. Each is a passage
 * of the anchor's document with score 0, so it is never scored above the retrieved ones; like them,
 * an article that reads like instructions is never relayed and a non-official link never quoted.
 */
export async function articlesReferring(
  passages: readonly Passage[],
  anchor: Passage | undefined,
  getDocument: ReadDocument,
): Promise<Passage[]> {
  if (!anchor) return [];
  const doc = await getDocument(anchor.chunk.docId);
  if (!doc) return [];
  const have = new Set(passages.map((p) => p.chunk.id));
  const found: Passage[] = [];
  for (const chunk of doc.chunks) {
    if (found.length >= MAX_FETCHED) break;
    if (have.has(chunk.id)) continue;
    const candidate = relayedAs<Passage>({ chunk, meta: anchor.meta, score: 0, why: { matchedTerms: [] } });
    if (candidate && crossReferenced(anchor, candidate)) found.push(candidate);
  }
  return found;
}
