/**
 * 32-bit hashing for feature hashing: FNV-1a over UTF-16 code units (both bytes of each unit),
 * followed by MurmurHash3's fmix32 so that every output bit depends on every input bit — the low
 * bits pick the bucket and the top bit the sign, and plain FNV-1a mixes short keys poorly.
 */

const FNV_PRIME = 16777619;
/** FNV-1a's 32-bit offset basis. */
export const FNV_OFFSET = 0x811c9dc5;

/** MurmurHash3 finaliser (Appleby, public domain algorithm). */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Feeds one UTF-16 unit into an FNV-1a state. */
export function fnvStep(h: number, code: number): number {
  let x = Math.imul(h ^ (code & 0xff), FNV_PRIME);
  x = Math.imul(x ^ (code >>> 8), FNV_PRIME);
  return x;
}

/** Hash of a string under a seed (the seed separates feature namespaces, e.g. words vs bigrams). */
export function hashString(text: string, seed: number): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return fmix32(h);
}

/** Hash of a pair of UTF-16 units under a seed, without building the two-character string. */
export function hashPair(a: number, b: number, seed: number): number {
  return fmix32(fnvStep(fnvStep(FNV_OFFSET ^ seed, a), b));
}
