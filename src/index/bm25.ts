import { allOfParts } from '../text/all-of-terms.js';
import { alternativeWeight } from '../text/tokenizer.js';
import { type Bm25Params, bm25Idf, bm25TermFrequency, DEFAULT_BM25_PARAMS } from './bm25-scoring.js';
import { PostingList } from './posting-list.js';

/** One BM25 result: the document ordinal, its score and the query terms it contains. */
export interface Bm25Hit {
  ordinal: number;
  score: number;
  matchedTerms: string[];
}

/** The raw state of a `Bm25Index`, as `bm25-codec.ts` writes and reads it. */
export interface Bm25State {
  terms: string[];
  postings: PostingList[];
  /** Per ordinal: number of tokens, or -1 when the ordinal holds no document. */
  docLengths: Int32Array;
  /** Per ordinal: ids (into `terms`) of the distinct terms of the document, for removal. */
  docTerms: (Uint32Array | undefined)[];
}

/**
 * In-memory inverted index (term → postings of document ordinal + tf) with BM25 ranking.
 * Documents are identified by small non-negative integer ordinals chosen by the caller
 * (the store's chunk ordinals). Search accumulates over the postings of the query terms only,
 * so its cost follows the postings touched, not the corpus size.
 */
export class Bm25Index {
  readonly params: Bm25Params;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[];
  private readonly postings: PostingList[];
  private docLengths: Int32Array;
  private readonly docTerms: (Uint32Array | undefined)[];
  private liveDocs = 0;
  private totalLength = 0;
  private scratch = new Float64Array(0);
  private groupBest = new Float64Array(0);
  /** Postings of the all-of terms searched since the index last changed. */
  private allOf = new Map<string, PostingList | undefined>();

  constructor(params: Partial<Bm25Params> = {}, state?: Bm25State) {
    this.params = { ...DEFAULT_BM25_PARAMS, ...params };
    this.terms = state?.terms ?? [];
    this.postings = state?.postings ?? [];
    this.docLengths = state?.docLengths ?? new Int32Array(0).fill(-1);
    this.docTerms = state?.docTerms ?? [];
    this.terms.forEach((t, i) => {
      this.termIds.set(t, i);
    });
    for (const len of this.docLengths) {
      if (len >= 0) {
        this.liveDocs += 1;
        this.totalLength += len;
      }
    }
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.liveDocs;
  }

  has(ordinal: number): boolean {
    return ordinal < this.docLengths.length && this.docLengths[ordinal] >= 0;
  }

  /** Indexes a document's tokens under `ordinal`, replacing what was there. */
  add(ordinal: number, tokens: readonly string[]): void {
    if (this.has(ordinal)) this.remove(ordinal);
    this.allOf.clear();
    const tfs = new Map<number, number>();
    for (const token of tokens) {
      let id = this.termIds.get(token);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(token);
        this.termIds.set(token, id);
        this.postings.push(new PostingList());
      }
      tfs.set(id, (tfs.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of tfs) this.postings[id].push(ordinal, tf);
    this.ensureOrdinal(ordinal);
    this.docLengths[ordinal] = tokens.length;
    this.docTerms[ordinal] = Uint32Array.from(tfs.keys());
    this.liveDocs += 1;
    this.totalLength += tokens.length;
  }

  /** Removes a document; returns whether it was indexed. */
  remove(ordinal: number): boolean {
    if (!this.has(ordinal)) return false;
    this.allOf.clear();
    for (const id of this.docTerms[ordinal] ?? []) this.postings[id].remove(ordinal);
    this.liveDocs -= 1;
    this.totalLength -= this.docLengths[ordinal];
    this.docLengths[ordinal] = -1;
    this.docTerms[ordinal] = undefined;
    return true;
  }

  /** Number of documents containing `term` (every word of an all-of term). */
  documentFrequency(term: string): number {
    return this.listOf(term)?.length ?? 0;
  }

  /**
   * The postings of a term; for an all-of term (all-of-terms.ts) that the index does not hold
   * whole, the documents holding every part, each with its rarest part's frequency. Cached until
   * the index changes.
   */
  private listOf(term: string): PostingList | undefined {
    const id = this.termIds.get(term);
    if (id !== undefined) return this.postings[id];
    const parts = allOfParts(term);
    if (!parts) return undefined;
    if (this.allOf.has(term)) return this.allOf.get(term);
    const lists = parts
      .map((p) => this.termIds.get(p))
      .map((i) => (i === undefined ? undefined : this.postings[i]));
    let list: PostingList | undefined;
    if (lists.every((l) => l !== undefined && l.length > 0)) {
      const [shortest, ...rest] = [...(lists as PostingList[])].sort((a, b) => a.length - b.length);
      list = new PostingList();
      for (let i = 0; i < shortest.length; i += 1) {
        const ord = shortest.ordinals[i];
        let tf = shortest.tfs[i];
        for (const other of rest) tf = Math.min(tf, other.tfOf(ord));
        if (tf > 0) list.push(ord, tf);
      }
      if (list.length === 0) list = undefined;
    }
    this.allOf.set(term, list);
    return list;
  }

  /** BM25 idf of `term` over the current documents (see `bm25Idf`). */
  idf(term: string): number {
    return bm25Idf(this.liveDocs, this.documentFrequency(term));
  }

  /**
   * Top `k` documents for a query. Each group is a set of alternatives (the first as written,
   * the rest synonyms weighted by the group's own weights, else `params.synonymWeight`); a group adds the score of its best
   * alternative in each document, so a synonym never double-counts with the word it stands for.
   * `filter` receives an ordinal and keeps it when it returns true.
   */
  search(
    groups: readonly (readonly string[])[],
    k: number,
    filter?: (ordinal: number) => boolean,
  ): Bm25Hit[] {
    if (k <= 0 || this.liveDocs === 0) return [];
    const n = this.docLengths.length;
    if (this.scratch.length < n) {
      this.scratch = new Float64Array(n);
      this.groupBest = new Float64Array(n);
    }
    const scores = this.scratch;
    const best = this.groupBest;
    const touched: number[] = [];
    const avgdl = this.totalLength / this.liveDocs;
    const { synonymWeight } = this.params;
    const seen = new Set<string>();
    const usedGroups: string[][] = [];
    for (const group of groups) {
      const alts = group.filter((t) => this.listOf(t) !== undefined);
      const key = alts.join('\u0001');
      if (alts.length === 0 || seen.has(key)) continue;
      seen.add(key);
      usedGroups.push(alts);
      const groupTouched: number[] = [];
      group.forEach((term, altIndex) => {
        const list = this.listOf(term);
        if (list === undefined) return;
        const weight =
          alternativeWeight(group, altIndex, synonymWeight) * bm25Idf(this.liveDocs, list.length);
        for (let i = 0; i < list.length; i += 1) {
          const ord = list.ordinals[i];
          const s = weight * bm25TermFrequency(list.tfs[i], this.docLengths[ord], avgdl, this.params);
          if (s > best[ord]) {
            if (best[ord] === 0) groupTouched.push(ord);
            best[ord] = s;
          }
        }
      });
      for (const ord of groupTouched) {
        if (scores[ord] === 0) touched.push(ord);
        scores[ord] += best[ord];
        best[ord] = 0;
      }
    }
    const top = selectTop(touched, scores, k, filter);
    for (const ord of touched) scores[ord] = 0;
    return top.map(({ ordinal, score }) => ({
      ordinal,
      score,
      matchedTerms: this.matched(ordinal, usedGroups),
    }));
  }

  /** The internal state, for serialisation. Shares arrays: serialise before mutating again. */
  state(): Bm25State {
    return {
      terms: this.terms,
      postings: this.postings,
      docLengths: this.docLengths,
      docTerms: this.docTerms,
    };
  }

  private matched(ordinal: number, groups: string[][]): string[] {
    const out: string[] = [];
    for (const group of groups) {
      for (const term of group) if ((this.listOf(term)?.tfOf(ordinal) ?? 0) > 0) out.push(term);
    }
    return out;
  }

  private ensureOrdinal(ordinal: number): void {
    if (ordinal < this.docLengths.length) return;
    const grown = new Int32Array(Math.max(ordinal + 1, this.docLengths.length * 2, 16)).fill(-1);
    grown.set(this.docLengths);
    this.docLengths = grown;
  }
}

/** Top `k` of `candidates` by score (ties: lower ordinal first), with a size-k min-heap. */
function selectTop(
  candidates: number[],
  scores: Float64Array,
  k: number,
  filter?: (ordinal: number) => boolean,
): { ordinal: number; score: number }[] {
  const heap: number[] = [];
  // "worse" = lower score, or equal score and higher ordinal.
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const ord of candidates) {
    if (filter && !filter(ord)) continue;
    if (heap.length < k) {
      heap.push(ord);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    } else if (worse(heap[0], ord)) {
      heap[0] = ord;
      siftDown(0);
    }
  }
  return heap
    .sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
    .map((ordinal) => ({ ordinal, score: scores[ordinal] }));
}
