import { bm25Idf } from './bm25-scoring.js';
import { hashString } from './feature-hash.js';

/**
 * Document frequencies of hashed features, JSON-serialisable so the index can keep it
 * (manifest `extra`) and the query side can embed with the same weights. Keys are the 30-bit
 * feature hashes, not strings: compact, and collisions are negligible for ~10^6 features.
 */
export interface IdfTable {
  version: 1;
  /** Texts the table was fitted on. */
  documents: number;
  /** Features seen in fewer texts were left out; they get the idf of df = 1. */
  minDf: number;
  /** Base64 of a little-endian Uint32Array of feature hashes, ascending. */
  keys: string;
  /** Base64 of a little-endian Uint32Array of document frequencies, parallel to `keys`. */
  df: string;
}

/**
 * Least document frequency kept in a fitted table. 2 drops the long tail of features seen once
 * (most of them), which all get the same, maximal weight anyway.
 */
export const DEFAULT_MIN_DF = 2;
/** Upper bound on features kept (most frequent first); ~2.4 MB of JSON at the bound. */
export const DEFAULT_MAX_FEATURES = 300_000;

/** Builds a table from per-text feature sets. */
export function buildIdfTable(
  dfCounts: Map<number, number>,
  documents: number,
  { minDf = DEFAULT_MIN_DF, maxFeatures = DEFAULT_MAX_FEATURES } = {},
): IdfTable {
  let entries = [...dfCounts].filter(([, df]) => df >= minDf);
  if (entries.length > maxFeatures) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, maxFeatures);
  entries.sort((a, b) => a[0] - b[0]);
  const keys = Uint32Array.from(entries, ([k]) => k);
  const df = Uint32Array.from(entries, ([, d]) => d);
  return { version: 1, documents, minDf, keys: toBase64(keys), df: toBase64(df) };
}

/**
 * Lookups answered by binary search over the table's sorted keys before the hash table is built.
 * Building it costs ~40–85 ms for the ~100k features of the demo index (measured 2026-11-30), more
 * than a question's ~100 lookups ever save; embedding documents passes this within a few chunks.
 */
const LOOKUPS_BEFORE_HASHING = 20_000;

/**
 * Idf weights by feature hash. Lookups are on the embedding hot path, and a Map keyed by numbers was
 * the slowest part of `embedTokens`, so after `LOOKUPS_BEFORE_HASHING` lookups the table is decoded
 * into an open-addressing hash table over typed arrays (linear probing, load ≤ 0.5); until then (a
 * command that embeds one question) a binary search over the sorted keys answers.
 */
export class IdfWeights {
  readonly fingerprint: string;
  private readonly sortedKeys: Uint32Array;
  private readonly df: Uint32Array;
  private readonly documents: number;
  private readonly rare: number;
  private lookups = 0;
  private hashed?: { keys: Uint32Array; values: Float64Array; mask: number };

  constructor(table: IdfTable) {
    if (table.version !== 1) throw new Error(`idf table: unsupported version ${String(table.version)}`);
    const keys = fromBase64(table.keys);
    const df = fromBase64(table.df);
    if (keys.length !== df.length) throw new Error('idf table: keys and df differ in length');
    this.sortedKeys = keys;
    this.df = df;
    this.documents = table.documents;
    this.rare = bm25Idf(table.documents, 1);
    this.fingerprint = hashString(`${table.documents}:${table.minDf}:${table.keys}:${table.df}`, 0)
      .toString(16)
      .padStart(8, '0');
    // `buildIdfTable` writes keys ascending; a table that is not gets the hash table at once.
    for (let i = 1; i < keys.length; i += 1) {
      if (keys[i - 1] >= keys[i]) {
        this.hashed = this.buildHash();
        break;
      }
    }
  }

  /** Weight of a feature; features absent from the table are rare and get the idf of df = 1. */
  weight(feature: number): number {
    if (!this.hashed && ++this.lookups > LOOKUPS_BEFORE_HASHING) this.hashed = this.buildHash();
    const hashed = this.hashed;
    if (!hashed) return this.searchSorted(feature);
    let slot = feature & hashed.mask;
    for (;;) {
      const v = hashed.values[slot];
      if (v < 0) return this.rare;
      if (hashed.keys[slot] === feature) return v;
      slot = (slot + 1) & hashed.mask;
    }
  }

  private searchSorted(feature: number): number {
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === feature) return bm25Idf(this.documents, this.df[mid]);
      if (k < feature) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.rare;
  }

  private buildHash(): { keys: Uint32Array; values: Float64Array; mask: number } {
    const source = this.sortedKeys;
    let capacity = 16;
    while (capacity < source.length * 2) capacity *= 2;
    const mask = capacity - 1;
    const keys = new Uint32Array(capacity);
    const values = new Float64Array(capacity).fill(-1);
    for (let i = 0; i < source.length; i += 1) {
      let slot = source[i] & mask;
      while (values[slot] >= 0 && keys[slot] !== source[i]) slot = (slot + 1) & mask;
      keys[slot] = source[i];
      values[slot] = bm25Idf(this.documents, this.df[i]);
    }
    return { keys, values, mask };
  }
}

function toBase64(a: Uint32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64(s: string): Uint32Array {
  const buf = Buffer.from(s, 'base64');
  const copy = new Uint8Array(buf.length);
  copy.set(buf);
  return new Uint32Array(copy.buffer, 0, Math.floor(buf.length / 4));
}
