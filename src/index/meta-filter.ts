import type { DocumentMeta, MetaFilter } from '../domain.js';

/** Brackets people type around the year of a 发文字号 ([2025], 【2025】, (2025)) all mean 〔2025〕. */
export function canonicalDocNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[[【〔［(（]/g, '〔')
    .replace(/[\]】〕］)）]/g, '〕');
}

/** True when the filter has no condition (empty strings and empty lists do not count). */
export function isEmptyFilter(filter?: MetaFilter): boolean {
  if (!filter) return true;
  return (
    !filter.authority &&
    filter.year === undefined &&
    !filter.type &&
    !filter.docNumber &&
    (filter.docIds === undefined || filter.docIds.length === 0)
  );
}

/**
 * Whether a document passes a filter: `authority` and `docNumber` are substrings (docNumber with
 * bracket styles unified), `year` is the year of `publishDate`, `type` is exact, `docIds` lists the
 * allowed ids. All given conditions must hold.
 */
export function matchesFilter(meta: DocumentMeta, filter?: MetaFilter): boolean {
  if (!filter) return true;
  if (filter.authority && !(meta.authority ?? '').includes(filter.authority)) return false;
  if (filter.year !== undefined && Number((meta.publishDate ?? '').slice(0, 4)) !== filter.year) return false;
  if (filter.type && meta.type !== filter.type) return false;
  if (
    filter.docNumber &&
    !canonicalDocNumber(meta.docNumber ?? '').includes(canonicalDocNumber(filter.docNumber))
  ) {
    return false;
  }
  if (filter.docIds && filter.docIds.length > 0 && !filter.docIds.includes(meta.id)) return false;
  return true;
}
