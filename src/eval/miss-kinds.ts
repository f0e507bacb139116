import type { ItemRow } from './item-score.js';

/**
 * Which stage an answer was lost at: the kinds the evaluator reads the misses by (find the kind of
 * failure, then fix the kind). In pipeline order:
 * - `document-not-found`: no passage of an evidence document among the retrieved (a vocabulary gap:
 *   the citizen's words are not the rule's), whether the question was then refused or answered;
 * - `refused-document-found`: a passage of the right document was retrieved, yet the question was
 *   refused (the answerability decision);
 * - `other-passage`: answered, the right document retrieved, but its evidence passage not first (the
 *   answer quotes another article or document);
 * - `points-missed`: answered from the evidence passage, some key points left out (composition);
 * - `answered-unanswerable`: a question the documents do not answer was answered.
 */
export const MISS_KINDS = [
  'document-not-found',
  'refused-document-found',
  'other-passage',
  'points-missed',
  'answered-unanswerable',
] as const;

export type MissKind = (typeof MISS_KINDS)[number];

/** Short labels for the report and the terminal. */
export const MISS_KIND_LABELS: Record<MissKind, string> = {
  'document-not-found': 'document not retrieved',
  'refused-document-found': 'refused, document retrieved',
  'other-passage': 'answered from another passage',
  'points-missed': 'evidence first, key points missed',
  'answered-unanswerable': 'unanswerable, answered',
};

type KindInput = Pick<
  ItemRow,
  'answerable' | 'refused' | 'metrics' | 'evidence' | 'retrieved' | 'sameDocumentRank' | 'error'
>;

/**
 * The kind of miss of one item, or undefined when it is not a miss of the answer: an answerable
 * question answered with every key point (or with none to check), an unanswerable one refused, an
 * item that failed with an error. Pure.
 */
export function missKind(item: KindInput): MissKind | undefined {
  if (item.error) return undefined;
  if (!item.answerable) return item.refused ? undefined : 'answered-unanswerable';
  const recall = item.metrics.keyPointRecall?.score;
  if (!item.refused && (recall === undefined || recall >= 1)) return undefined;
  const evidenceDocs = new Set(item.evidence.map((e) => e.doc));
  const found = item.retrieved.some(
    (p) => evidenceDocs.has(p.docId) || p.copies?.some((c) => evidenceDocs.has(c.docId)),
  );
  if (!found) return 'document-not-found';
  if (item.refused) return 'refused-document-found';
  return item.sameDocumentRank === 1 ? 'points-missed' : 'other-passage';
}

/** The ids of the items of each kind, in item order; every kind is present (possibly empty). Pure. */
export function missesByKind(items: readonly (KindInput & { id: string })[]): Record<MissKind, string[]> {
  const out = Object.fromEntries(MISS_KINDS.map((k) => [k, [] as string[]])) as Record<MissKind, string[]>;
  for (const item of items) {
    const kind = missKind(item);
    if (kind) out[kind].push(item.id);
  }
  return out;
}
