import type { DocType, MetaFilter } from '../domain.js';

/** Builds a MetaFilter from validated request fields, leaving out what was not given. */
export function toMetaFilter(input: {
  authority?: string;
  year?: number;
  type?: DocType;
  docNumber?: string;
  docIds?: string[];
}): MetaFilter | undefined {
  const filter: MetaFilter = {};
  if (input.authority) filter.authority = input.authority;
  if (input.year !== undefined) filter.year = input.year;
  if (input.type) filter.type = input.type;
  if (input.docNumber) filter.docNumber = input.docNumber;
  if (input.docIds?.length) filter.docIds = input.docIds;
  return Object.keys(filter).length ? filter : undefined;
}
