/**
 * What a chunk is indexed, embedded and matched as: its heading path (title, sections, article)
 * and its text. One definition for ingest (tokens, vectors) and retrieval (matched terms, coverage).
 */
export function indexedText(chunk: { headingPath: readonly string[]; text: string }): string {
  return `${chunk.headingPath.join(' ')}\n${chunk.text}`;
}
