import type { Chunk } from '../domain.js';

/**
 * Messages from the prepare worker. A chunk's tokens travel as one string joined by NUL: one
 * string copies far faster between threads than an array of ~150 small ones. A token containing
 * NUL (never seen after normalisation, but possible) or an empty token makes its chunk travel as
 * an array.
 */
export type PrepareReply =
  | { type: 'ready'; tokenizerId: string }
  | { type: 'done'; id: number; docs: { chunks: Chunk[]; tokens: (string | string[])[] }[]; seconds: number };

const SEP = '\u0000';

export function packTokens(tokens: string[]): string | string[] {
  // An empty token would make [''] and [] pack alike: such lists travel as arrays too.
  for (const t of tokens) if (t === '' || t.includes(SEP)) return tokens;
  return tokens.join(SEP);
}

export function unpackTokens(packed: string | string[]): string[] {
  if (Array.isArray(packed)) return packed;
  return packed.length === 0 ? [] : packed.split(SEP);
}
