import { formatHeadingPath, HEADING_SEPARATOR } from '../../text/citation-text.js';

/**
 * The citation staff paste into replies: 《标题》（发文字号）第N条, or the section heading when the
 * passage is not a law article. A title that already contains 《》 keeps them as 〈〉, the usual
 * nesting in Chinese typography.
 */
export function formatCitation(input: {
  title: string;
  docNumber?: string;
  article?: string;
  section?: string;
}): string {
  const title = input.title.replace(/《/g, '〈').replace(/》/g, '〉').trim();
  const number = input.docNumber ? `（${input.docNumber}）` : '';
  const where = input.article ?? input.section ?? '';
  return `《${title}》${number}${where}`;
}

/** Heading paths arrive joined (' › ') or as arrays; the console shows them joined. */
export function joinHeadingPath(path: string | string[] | undefined): string {
  if (!path) return '';
  return Array.isArray(path) ? formatHeadingPath(path) : path;
}

/** Heading paths arrive joined (' › ') or as arrays; their headings, in order. */
export function headingParts(path: string | string[] | undefined): string[] {
  if (path === undefined) return [];
  return Array.isArray(path) ? path : path.split(HEADING_SEPARATOR);
}

/** The last element of a heading path, i.e. the section the passage is in. */
export function lastHeading(path: string | string[] | undefined): string | undefined {
  const parts = headingParts(path);
  return parts[parts.length - 1] || undefined;
}
