/**
 * A term no indexed passage holds is given the largest IDF; this one (a private-use character)
 * never occurs, and unlike NUL it is valid text for the PostgreSQL store too.
 */
const NEVER_INDEXED = '\uE000';

/** Which of `terms` some indexed passage holds (a term none holds gets the largest IDF), and their IDF. */
export async function heldBy(
  idf: (terms: string[]) => Promise<Map<string, number>>,
  terms: string[],
): Promise<((term: string) => boolean) & { idf: ReadonlyMap<string, number> }> {
  const known = await idf([NEVER_INDEXED, ...terms]);
  const absent = known.get(NEVER_INDEXED) ?? Number.POSITIVE_INFINITY;
  const held = (term: string) => (known.get(term) ?? absent) < absent - 1e-9;
  return Object.assign(held, { idf: known });
}
