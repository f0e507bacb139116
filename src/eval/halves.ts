import { createHash } from 'node:crypto';
import type { ItemRow } from './item-score.js';
import { type MissKind, missesByKind } from './miss-kinds.js';
import { type RetrievalBlock, retrievalFromRanks } from './retrieval-metrics.js';
import { type CategoryRow, type EvalSummary, flattenSummary, summarise } from './summary.js';

/**
 * The tune / check split of a development set (../shared/eval/README.md): an item is in the
 * **tune** half when the first hex digit of SHA-1(id, UTF-8) is 0–7 and in the **check** half
 * when it is 8–f. Rules, weights and thresholds are chosen on tune; check is reported. The split
 * depends on the id alone, so it is the same in every run, pipeline and machine.
 */
export type Half = 'tune' | 'check';
export const HALVES: readonly Half[] = ['tune', 'check'];

export function halfOf(id: string): Half {
  const first = createHash('sha1').update(id, 'utf8').digest('hex')[0];
  return Number.parseInt(first, 16) < 8 ? 'tune' : 'check';
}

/** The figures of one half: the fixed summary, the strict same-document retrieval, per category. */
export interface HalfReport {
  summary: EvalSummary;
  sameDocument: RetrievalBlock;
  byCategory: Record<string, CategoryRow>;
  /** The ids of the half's misses by the stage they were lost at (miss-kinds.ts). */
  missKinds: Record<MissKind, string[]>;
}

function categories(items: ItemRow[]): Record<string, CategoryRow> {
  const groups = new Map<string, ItemRow[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return Object.fromEntries(
    [...groups].map(([name, list]) => [
      name,
      {
        ...flattenSummary(summarise(list)),
        'hit@5 same doc': retrievalFromRanks(list.filter((i) => i.answerable).map((i) => i.sameDocumentRank))[
          'hit@5'
        ],
      },
    ]),
  );
}

/** Summaries of the tune and the check half of a run's items. */
export function splitHalves(items: ItemRow[]): Record<Half, HalfReport> {
  const out = {} as Record<Half, HalfReport>;
  for (const half of HALVES) {
    const mine = items.filter((i) => halfOf(i.id) === half);
    out[half] = {
      summary: summarise(mine),
      sameDocument: retrievalFromRanks(mine.filter((i) => i.answerable).map((i) => i.sameDocumentRank)),
      byCategory: categories(mine),
      missKinds: missesByKind(mine),
    };
  }
  return out;
}
