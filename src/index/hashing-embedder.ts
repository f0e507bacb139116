import { normaliseForIndex } from '../text/normalise.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Embedder } from './embedder.js';
import { hashPair, hashString } from './feature-hash.js';
import { buildIdfTable, type IdfTable, IdfWeights } from './idf-table.js';

/** Seeds that keep word and bigram features in separate hash spaces. */
const WORD_SEED = 0x57;
const BIGRAM_SEED = 0x42;

/**
 * Features are 30-bit hashes: V8 keeps integers below 2^30 unboxed (Smi), and Maps keyed by them
 * are ~3× faster than with full 32-bit keys (measured: idf lookups dominated embedding time).
 * Collisions at 30 bits are still negligible for ~10^6 distinct features.
 */
const FEATURE_SHIFT = 2;
/** The feature's top bit gives the sign; the low bits (mod dimensions) give the bucket. */
const SIGN_BIT = 29;

/** Texts embedded between yields to the event loop, so a server sharing the process keeps answering. */
const YIELD_EVERY = 256;

export interface HashingEmbedderOptions {
  tokenizer: Tokenizer;
  /** Vector size. Default 256 (config `EMBEDDING_DIMENSIONS`). */
  dimensions?: number;
  /**
   * Weight of a character-bigram feature relative to a word feature. Range [0, 1]; 0 turns
   * bigrams off. Default 0.5: bigrams rescue words the tokenizer split differently (社会保险 vs
   * 社保险), but words are the sharper signal. Untuned; the bench can tune it.
   */
  bigramWeight?: number;
  /** Idf table from `fitIdf`; without one every feature weighs the same. */
  idf?: IdfTable;
}

/**
 * The offline default embedder: signed feature hashing (Weinberger et al. 2009) of the
 * tokenizer's words plus the CJK character bigrams of the normalised text, sublinear tf
 * (1 + ln tf), optional idf, L2-normalised. Deterministic, no model download, no network.
 * Similarity is lexical, not semantic: it complements BM25 with fuzzier (bigram) matching.
 */
export class HashingEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly bigramWeight: number;
  readonly idfTable?: IdfTable;
  private readonly tokenizer: Tokenizer;
  private readonly idf?: IdfWeights;

  constructor({ tokenizer, dimensions = 256, bigramWeight = 0.5, idf }: HashingEmbedderOptions) {
    if (!Number.isInteger(dimensions) || dimensions < 1)
      throw new Error(`hashing embedder: bad dimensions ${dimensions}`);
    this.tokenizer = tokenizer;
    this.dimensions = dimensions;
    this.bigramWeight = bigramWeight;
    this.idfTable = idf;
    this.idf = idf ? new IdfWeights(idf) : undefined;
    // Everything that changes the vectors is in the id: the index refuses a mismatch.
    const idfPart = this.idf ? `-idf${this.idf.fingerprint}` : '';
    this.id = `hashing-v1-d${dimensions}-b${bigramWeight}${idfPart}+${tokenizer.id}`;
  }

  /** A copy of this embedder using `table` for its idf weights (e.g. restored from the index). */
  withIdf(table: IdfTable | undefined): HashingEmbedder {
    return new HashingEmbedder({
      tokenizer: this.tokenizer,
      dimensions: this.dimensions,
      bigramWeight: this.bigramWeight,
      idf: table,
    });
  }

  /**
   * Document frequencies of this embedder's features over `texts` (typically all chunk texts).
   * Pass `tokens` (`tokenizer.tokenize` of each text, in order) to skip tokenizing again.
   */
  fitIdf(
    texts: readonly string[],
    options: { minDf?: number; maxFeatures?: number; tokens?: readonly (readonly string[])[] } = {},
  ): IdfTable {
    const { tokens, ...tableOptions } = options;
    const df = new Map<number, number>();
    for (let i = 0; i < texts.length; i += 1) {
      const text = texts[i];
      for (const feature of this.features(tokens?.[i] ?? this.tokenizer.tokenize(text), text).keys()) {
        df.set(feature, (df.get(feature) ?? 0) + 1);
      }
    }
    return buildIdfTable(df, texts.length, tableOptions);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = new Array(texts.length);
    for (let i = 0; i < texts.length; i += 1) {
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      out[i] = this.embedTokens(this.tokenizer.tokenize(texts[i]), texts[i]);
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedTokens(this.tokenizer.tokenize(text), text);
  }

  /**
   * Embeds a text whose tokens the caller already has (ingest tokenizes each chunk once for BM25
   * and reuses the tokens here). `tokens` must be `tokenizer.tokenize(text)`.
   */
  embedTokens(tokens: readonly string[], text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const [feature, entry] of this.features(tokens, text)) {
      const tf = entry >>> 1;
      const isBigram = (entry & 1) === 1;
      let w = (1 + Math.log(tf)) * (isBigram ? this.bigramWeight : 1);
      if (this.idf) w *= this.idf.weight(feature);
      const bucket = feature % this.dimensions;
      vector[bucket] += (feature >>> SIGN_BIT) & 1 ? -w : w;
    }
    let sum = 0;
    for (let i = 0; i < vector.length; i += 1) sum += vector[i] * vector[i];
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    return Array.from(vector, (v) => v * scale);
  }

  /** Feature hash → (tf << 1) | isBigram. */
  private features(tokens: readonly string[], text: string): Map<number, number> {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      const h = hashString(token, WORD_SEED) >>> FEATURE_SHIFT;
      counts.set(h, (counts.get(h) ?? 0) + 2);
    }
    if (this.bigramWeight > 0) {
      const norm = normaliseForIndex(text);
      let prev = -1;
      for (let i = 0; i < norm.length; i += 1) {
        const code = norm.charCodeAt(i);
        if (isCjk(code)) {
          if (prev >= 0) {
            const h = hashPair(prev, code, BIGRAM_SEED) >>> FEATURE_SHIFT;
            counts.set(h, (counts.get(h) ?? 1) + 2);
          }
          prev = code;
        } else {
          prev = -1;
        }
      }
    }
    return counts;
  }
}

/** CJK unified ideographs (basic block, extension A, compatibility). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}
