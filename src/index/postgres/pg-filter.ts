import type { MetaFilter } from '../../domain.js';
import { canonicalDocNumber, isEmptyFilter } from '../meta-filter.js';

/** A SQL condition over the documents table aliased `d`, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The MetaFilter as SQL, with the local store's meaning (meta-filter.ts matchesFilter):
 * `authority` and `docNumber` are substrings (docNumber with bracket styles unified), `year` is the
 * year of `publishDate`, `type` is exact, `docIds` lists the allowed ids; all must hold.
 * Parameters are numbered from `firstParam`. Returns undefined when nothing is filtered.
 */
export function filterCondition(
  filter: MetaFilter | undefined,
  firstParam: number,
): SqlCondition | undefined {
  if (!filter || isEmptyFilter(filter)) return undefined;
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (filter.authority)
    parts.push(`strpos(coalesce(d.meta->>'authority', ''), ${param(filter.authority)}) > 0`);
  if (filter.year !== undefined) {
    parts.push(
      `left(coalesce(d.meta->>'publishDate', ''), 4) = ${param(String(filter.year).padStart(4, '0'))}`,
    );
  }
  if (filter.type) parts.push(`d.meta->>'type' = ${param(filter.type)}`);
  if (filter.docNumber) {
    parts.push(`strpos(d.doc_number_key, ${param(canonicalDocNumber(filter.docNumber))}) > 0`);
  }
  if (filter.docIds && filter.docIds.length > 0) parts.push(`d.id = ANY(${param(filter.docIds)}::text[])`);
  return { sql: parts.join(' AND '), params };
}
