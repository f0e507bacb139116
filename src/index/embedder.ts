import type { IdfTable } from './idf-table.js';

/**
 * Turns text into vectors. Same two-method shape as LangChain's `Embeddings`, plus an `id` and the
 * vector size, which the index manifest records (a mismatch on load is an error, never garbage).
 */
export interface Embedder {
  /** Stable identity, e.g. 'hashing-v1-256' or 'openai:bge-m3'. */
  readonly id: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;

  // Optional capabilities (the hashing embedder): a caller checks for one, never the class.
  /**
   * Embeds a text whose tokens the caller already has (`tokenizer.tokenize(text)`): an ingest
   * tokenizes each chunk once for BM25 and reuses the tokens here.
   */
  embedTokens?(tokens: readonly string[], text: string): number[];
  /**
   * Document frequencies of the embedder's features over `texts` (all chunk texts of a corpus);
   * an embedder made again with the table (`createEmbedder`'s `idf`) weighs features by it.
   * `tokens`, when given, are `tokenizer.tokenize` of each text, in order.
   */
  fitIdf?(texts: readonly string[], options?: { tokens?: readonly (readonly string[])[] }): IdfTable;
}
