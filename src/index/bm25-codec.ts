import type { Bm25State } from './bm25.js';
import { runAtOnce } from './cooperative.js';
import { PostingList } from './posting-list.js';

/**
 * Binary form of a BM25 index: a header, the term list as JSON, then little-endian typed-array
 * sections (doc lengths, postings as CSR, per-document term ids as CSR). Loading takes views into
 * the buffer instead of rebuilding the index from tokens, which keeps a cold start short.
 *
 * Layout (u32 words): magic 'BM25', version, terms, ordinals, termsJsonBytes, postings, docTermIds, 0;
 * terms JSON (padded to 4 bytes); docLengths i32[ordinals]; postingOffsets u32[terms + 1];
 * postingOrdinals u32[postings]; postingTfs u32[postings]; docTermOffsets u32[ordinals + 1];
 * docTermIds u32[docTermIds].
 */
const MAGIC = 0x35324d42; // 'BM25' read as little-endian u32
const VERSION = 1;
const HEADER_WORDS = 8;

/** Terms or ordinals copied per step of `encodeBm25Steps`: ~0.1–1 ms of work each. */
const ENCODE_STEP = 2_000;

export function encodeBm25(state: Bm25State): Buffer {
  return runAtOnce(encodeBm25Steps(state));
}

/**
 * `encodeBm25` as steps for `runSliced`. The state must not change until it is done (the store
 * holds its writes meanwhile).
 */
export function* encodeBm25Steps(state: Bm25State): Generator<void, Buffer> {
  const { terms, postings, docLengths, docTerms } = state;
  const termsJson = Buffer.from(JSON.stringify(terms), 'utf8');
  yield;
  const termsPadded = align4(termsJson.length);
  const totalPostings = postings.reduce((n, p) => n + p.length, 0);
  const ordinals = docLengths.length;
  let totalDocTerms = 0;
  for (let i = 0; i < ordinals; i += 1) totalDocTerms += docTerms[i]?.length ?? 0;
  yield;

  const words = ordinals + (terms.length + 1) + 2 * totalPostings + (ordinals + 1) + totalDocTerms;
  const out = Buffer.alloc(HEADER_WORDS * 4 + termsPadded + words * 4);
  const header = new Uint32Array(out.buffer, out.byteOffset, HEADER_WORDS);
  header.set([MAGIC, VERSION, terms.length, ordinals, termsJson.length, totalPostings, totalDocTerms, 0]);
  termsJson.copy(out, HEADER_WORDS * 4);
  let offset = HEADER_WORDS * 4 + termsPadded;
  const take = (n: number) => {
    const view = new Uint32Array(out.buffer, out.byteOffset + offset, n);
    offset += n * 4;
    return view;
  };
  new Int32Array(out.buffer, out.byteOffset + offset, ordinals).set(docLengths);
  offset += ordinals * 4;
  const postingOffsets = take(terms.length + 1);
  const postingOrdinals = take(totalPostings);
  const postingTfs = take(totalPostings);
  let at = 0;
  for (let i = 0; i < postings.length; i += 1) {
    const p = postings[i];
    postingOffsets[i] = at;
    postingOrdinals.set(p.ordinals.subarray(0, p.length), at);
    postingTfs.set(p.tfs.subarray(0, p.length), at);
    at += p.length;
    if (i % ENCODE_STEP === ENCODE_STEP - 1) yield;
  }
  postingOffsets[terms.length] = at;
  const docTermOffsets = take(ordinals + 1);
  const docTermIds = take(totalDocTerms);
  at = 0;
  for (let i = 0; i < ordinals; i += 1) {
    docTermOffsets[i] = at;
    const ids = docTerms[i];
    if (ids) {
      docTermIds.set(ids, at);
      at += ids.length;
    }
    if (i % ENCODE_STEP === ENCODE_STEP - 1) yield;
  }
  docTermOffsets[ordinals] = at;
  return out;
}

/** Decodes `encodeBm25` output; throws an Error naming what is wrong when the bytes do not fit. */
export function decodeBm25(input: Buffer): Bm25State {
  // Typed-array views need 4-byte alignment; pooled small buffers may not have it.
  const buf = input.byteOffset % 4 === 0 ? input : Buffer.from(input);
  if (buf.length < HEADER_WORDS * 4) throw new Error('bm25: file shorter than its header');
  const header = new Uint32Array(buf.buffer, buf.byteOffset, HEADER_WORDS);
  const [magic, version, termCount, ordinals, termsJsonBytes, totalPostings, totalDocTerms] = header;
  if (magic !== MAGIC) throw new Error('bm25: bad magic number');
  if (version !== VERSION) throw new Error(`bm25: unsupported version ${version}`);
  const termsPadded = align4(termsJsonBytes);
  const words = ordinals + (termCount + 1) + 2 * totalPostings + (ordinals + 1) + totalDocTerms;
  const expected = HEADER_WORDS * 4 + termsPadded + words * 4;
  if (buf.length !== expected) throw new Error(`bm25: expected ${expected} bytes, found ${buf.length}`);
  const terms = JSON.parse(
    buf.toString('utf8', HEADER_WORDS * 4, HEADER_WORDS * 4 + termsJsonBytes),
  ) as string[];
  if (!Array.isArray(terms) || terms.length !== termCount)
    throw new Error('bm25: term list does not match header');

  let offset = HEADER_WORDS * 4 + termsPadded;
  const take = (n: number) => {
    const view = new Uint32Array(buf.buffer, buf.byteOffset + offset, n);
    offset += n * 4;
    return view;
  };
  // Copy doc lengths: they are mutated in place and may be replaced when the index grows.
  const docLengths = new Int32Array(new Int32Array(buf.buffer, buf.byteOffset + offset, ordinals));
  offset += ordinals * 4;
  const postingOffsets = take(termCount + 1);
  const postingOrdinals = take(totalPostings);
  const postingTfs = take(totalPostings);
  const postings: PostingList[] = new Array(termCount);
  for (let i = 0; i < termCount; i += 1) {
    const a = postingOffsets[i];
    const b = postingOffsets[i + 1];
    if (b < a || b > totalPostings) throw new Error('bm25: posting offsets out of range');
    postings[i] = new PostingList(postingOrdinals.subarray(a, b), postingTfs.subarray(a, b), b - a);
  }
  const docTermOffsets = take(ordinals + 1);
  const docTermIds = take(totalDocTerms);
  const docTerms: (Uint32Array | undefined)[] = new Array(ordinals);
  for (let i = 0; i < ordinals; i += 1) {
    docTerms[i] =
      docLengths[i] >= 0 ? docTermIds.subarray(docTermOffsets[i], docTermOffsets[i + 1]) : undefined;
  }
  return { terms, postings, docLengths, docTerms };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
