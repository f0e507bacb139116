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
}
