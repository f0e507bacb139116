import type { LocatedRow } from './lexicon.js';

/** A lexicon target the index holds nowhere, with the row that names it. */
export interface UnmatchedTarget {
  file: string;
  line: number;
  from: string;
  target: string;
}

/**
 * The targets of search rows (`>` and `=`) that no indexed passage holds (`held` false): a plain
 * target the documents never write (驾校 > 机动车驾驶培训机构), or an all-of target one of whose parts
 * the index's cut never produces (无居民+海岛, where 无居民海岛 is cut 无 / 居民 / 海岛). Such a
 * target searches for nothing, however the row reads. Defined terms (`:`) only shape the cut and
 * are not checked. In file and line order. Pure.
 */
export function unmatchedTargets(
  rows: readonly LocatedRow[],
  held: (term: string) => boolean,
): UnmatchedTarget[] {
  const out: UnmatchedTarget[] = [];
  for (const row of rows) {
    if (row.relation === ':') continue;
    for (const target of row.to) {
      if (!held(target)) out.push({ file: row.file, line: row.line, from: row.from, target });
    }
  }
  return out;
}

/** The search targets of the rows, each once (what `held` must be asked about). Pure. */
export function searchTargets(rows: readonly LocatedRow[]): string[] {
  return [...new Set(rows.filter((r) => r.relation !== ':').flatMap((r) => r.to))];
}
