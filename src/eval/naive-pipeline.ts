import { performance } from 'node:perf_hooks';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { AnswerProvider } from '../answer/answer-provider.js';
import type { Chunk, DocumentMeta, Passage, Retrieval } from '../domain.js';
import { RETRIEVAL_DEFAULTS } from '../domain.js';
import type { Embedder } from '../index/embedder.js';
import { locateQuote } from './coverage.js';
import type { NamedPipeline } from './pipeline.js';

/** The documents the naive pipeline re-chunks (a SearchStore has both methods). */
export interface NaiveSource {
  listDocuments(): Promise<DocumentMeta[]>;
  getDocument(id: string): Promise<{ text: string; meta: DocumentMeta } | undefined>;
}

export interface NaivePipelineOptions {
  source: NaiveSource;
  /** The same embedder as the product's index, so only chunking and ranking differ. */
  embedder: Embedder;
  answerer: AnswerProvider;
  name?: string;
  /** LangChain tutorial defaults: 500 characters with 50 of overlap. */
  chunkSize?: number;
  chunkOverlap?: number;
  /** Passages handed to the answerer, as in the product pipelines. */
  answerK?: number;
  /** Texts per embedDocuments call. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Splits a document as a LangChain tutorial does and recovers each piece's offsets (the splitter
 * returns strings only; pieces are substrings in order, overlapping by up to `chunkOverlap`).
 */
export async function splitWithOffsets(
  docId: string,
  text: string,
  splitter: RecursiveCharacterTextSplitter,
): Promise<Chunk[]> {
  const pieces = await splitter.splitText(text);
  const chunks: Chunk[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    let start = text.indexOf(piece, cursor);
    let end = start + piece.length;
    if (start < 0) {
      const loose = locateQuote(text.slice(cursor), piece, docId);
      if (!loose) continue;
      start = cursor + loose.start;
      end = cursor + loose.end;
    }
    chunks.push({
      id: `${docId}#naive-${chunks.length}`,
      docId,
      start,
      end,
      headingPath: [],
      text: text.slice(start, end),
    });
    cursor = start + 1;
  }
  return chunks;
}

function normalise(v: number[]): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

/**
 * The "typical LangChain tutorial" baseline: RecursiveCharacterTextSplitter 500/50, the same
 * embedder, exact cosine top-k over its own chunks (exact search: the baseline should lose on
 * chunking and ranking, not on approximate-search recall). It never refuses by itself: no
 * relevance signal, so the retrieval is always marked relevant.
 */
export async function createNaivePipeline({
  source,
  embedder,
  answerer,
  name = 'naive',
  chunkSize = 500,
  chunkOverlap = 50,
  answerK = RETRIEVAL_DEFAULTS.k,
  batchSize = 256,
  onProgress,
}: NaivePipelineOptions): Promise<NamedPipeline> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize, chunkOverlap });
  const chunks: Chunk[] = [];
  const metas = new Map<string, DocumentMeta>();
  for (const meta of await source.listDocuments()) {
    const doc = await source.getDocument(meta.id);
    if (!doc) continue;
    metas.set(meta.id, doc.meta);
    chunks.push(...(await splitWithOffsets(meta.id, doc.text, splitter)));
  }
  const dims = embedder.dimensions;
  const matrix = new Float32Array(chunks.length * dims);
  for (let i = 0; i < chunks.length; i += batchSize) {
    const vectors = await embedder.embedDocuments(chunks.slice(i, i + batchSize).map((c) => c.text));
    vectors.forEach((v, j) => {
      matrix.set(normalise(v), (i + j) * dims);
    });
    onProgress?.(Math.min(i + batchSize, chunks.length), chunks.length);
  }

  function search(query: Float32Array, k: number): { index: number; score: number }[] {
    const top: { index: number; score: number }[] = [];
    for (let c = 0; c < chunks.length; c++) {
      let dot = 0;
      const base = c * dims;
      for (let d = 0; d < dims; d++) dot += matrix[base + d] * query[d];
      if (top.length < k || dot > top[top.length - 1].score) {
        top.push({ index: c, score: dot });
        top.sort((a, b) => b.score - a.score);
        if (top.length > k) top.pop();
      }
    }
    return top;
  }

  return {
    name,
    async run(question, k) {
      const t0 = performance.now();
      const query = normalise(await embedder.embedQuery(question));
      const hits = search(query, Math.max(k, answerK));
      const passages: Passage[] = hits.map((h, i) => {
        const chunk = chunks[h.index];
        const meta = metas.get(chunk.docId) as DocumentMeta;
        return { chunk, meta, score: h.score, why: { vectorRank: i + 1, matchedTerms: [] } };
      });
      const t1 = performance.now();
      const retrieval: Retrieval = {
        query: question,
        passages: passages.slice(0, answerK),
        relevant: true,
        confidence: 1,
        timings: { bm25Ms: 0, vectorMs: t1 - t0, fuseMs: 0 },
      };
      const answer = await answerer.answer(question, retrieval);
      return { passages, answer, timings: { retrieveMs: t1 - t0, answerMs: performance.now() - t1 } };
    },
  };
}
