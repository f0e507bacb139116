/** Between the headings of a path as people read it: 《标题》 › 一、… › 第十条. */
export const HEADING_SEPARATOR = ' › ';

/** A title as cited: 《标题》, leaving titles that already carry their own 《》 (…》政策解读) alone. */
export function bookTitle(title: string): string {
  return title.includes('《') ? title : `《${title}》`;
}

/** Heading path as shown to people: 《标题》 › 一、… › 第十条. */
export function formatHeadingPath(path: readonly string[]): string {
  return path.join(HEADING_SEPARATOR);
}

/** What follows a title when a passage is cited with its headings: " › 一、… › 第十条", or nothing. */
export function headingSuffix(path: readonly string[]): string {
  return path.length ? `${HEADING_SEPARATOR}${formatHeadingPath(path)}` : '';
}
