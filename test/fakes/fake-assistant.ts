import type { AnswerEvent, AnswerProvider } from '../../src/answer/answer-provider.js';
import type { Assistant } from '../../src/app/assistant.js';
import { loadConfig } from '../../src/config.js';
import type {
  Answer,
  Chunk,
  DocumentMeta,
  MetaFilter,
  Passage,
  Retrieval,
  SourceDocument,
} from '../../src/domain.js';
import { AppError } from '../../src/errors.js';
import type { Embedder } from '../../src/index/embedder.js';
import type { IndexedChunk, SearchStore, StoredDocument, StoreHit } from '../../src/index/search-store.js';
import type { Indexer, PreparedUpload, UploadInput, UpsertResult } from '../../src/ingest/indexer.js';
import type { RetrieveOptions, Retriever } from '../../src/retrieve/retriever.js';
import type { Tokenizer } from '../../src/text/tokenizer.js';
import { FAKE_DOCS } from './fake-corpus.js';

/**
 * Small in-memory stand-ins for the spine (store, retriever, extractive answerer, indexer), built
 * on character bigrams so they need no jieba. Good enough to drive every route; not a search engine.
 */

const bigrams = (text: string) => {
  const clean = text.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) out.add(clean.slice(i, i + 2));
  return [...out];
};

export const fakeTokenizer: Tokenizer = {
  id: 'fake-bigram',
  tokenize: bigrams,
  tokenizeQuery: (text) => bigrams(text).map((t) => [t]),
};

export const fakeEmbedder: Embedder = {
  id: 'fake-embedder',
  dimensions: 2,
  embedDocuments: async (texts) => texts.map((t) => [t.length, 1]),
  embedQuery: async (t) => [t.length, 1],
};

function matches(meta: DocumentMeta, filter?: MetaFilter): boolean {
  if (!filter) return true;
  if (filter.authority && !meta.authority?.includes(filter.authority)) return false;
  if (filter.year && !meta.publishDate?.startsWith(String(filter.year))) return false;
  if (filter.type && meta.type !== filter.type) return false;
  if (filter.docNumber && meta.docNumber !== filter.docNumber) return false;
  if (filter.docIds && !filter.docIds.includes(meta.id)) return false;
  return true;
}

/** One chunk per non-empty line; headings are lines without '。'. */
export function chunkByLines(docId: string, text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  let heading: string[] = [];
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (!line.includes('。')) {
      heading = chunks.length === 0 && heading.length === 0 ? [line] : [heading[0] ?? line, line];
      continue;
    }
    chunks.push({
      id: `${docId}#${chunks.length}`,
      docId,
      start,
      end: start + line.length,
      headingPath: heading,
      text: line,
    });
  }
  return chunks;
}

export class FakeStore implements SearchStore {
  readonly identity = {
    schemaVersion: 1,
    embedderId: 'fake-embedder',
    dimensions: 2,
    tokenizerId: 'fake-bigram',
  };
  readonly docs = new Map<string, StoredDocument>();
  flushes = 0;

  async documentHash(id: string) {
    return this.docs.get(id)?.hash;
  }
  async upsertDocument(doc: SourceDocument, chunks: IndexedChunk[]) {
    this.docs.set(doc.id, {
      meta: doc.meta,
      text: doc.text,
      hash: doc.hash,
      chunks: chunks.map((c) => c.chunk),
    });
  }
  async deleteDocument(id: string) {
    return this.docs.delete(id);
  }
  async getDocument(id: string) {
    return this.docs.get(id);
  }
  async listDocuments(filter?: MetaFilter) {
    return [...this.docs.values()].map((d) => d.meta).filter((m) => matches(m, filter));
  }
  async getChunks(ids: string[]) {
    const all = [...this.docs.values()].flatMap((d) => d.chunks);
    return ids.map((id) => all.find((c) => c.id === id)).filter((c): c is Chunk => !!c);
  }
  async keywordSearch(terms: string[][], k: number, filter?: MetaFilter): Promise<StoreHit[]> {
    const flat = terms.map((g) => g[0]);
    const scored = [...this.docs.values()]
      .filter((d) => matches(d.meta, filter))
      .flatMap((d) => d.chunks)
      .map((c) => ({ chunkId: c.id, score: flat.filter((t) => c.text.includes(t)).length }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
    return scored.map((h, i) => ({ ...h, rank: i + 1 }));
  }
  async vectorSearch(): Promise<StoreHit[]> {
    return [];
  }
  async idf(terms: string[]) {
    return new Map(terms.map((t) => [t, 1]));
  }
  async stats() {
    return {
      documents: this.docs.size,
      chunks: [...this.docs.values()].reduce((n, d) => n + d.chunks.length, 0),
    };
  }
  async flush() {
    this.flushes++;
  }
  async close() {}
}

/** Keyword retrieval over the fake store; relevant when at least 3 query bigrams match. */
export class FakeRetriever implements Retriever {
  calls: { query: string; options?: RetrieveOptions }[] = [];
  constructor(private readonly store: FakeStore) {}

  async retrieve(query: string, options?: RetrieveOptions): Promise<Retrieval> {
    this.calls.push({ query, options });
    const terms = fakeTokenizer.tokenizeQuery(query);
    const hits = await this.store.keywordSearch(terms, options?.k ?? 6, options?.filters);
    const chunks = await this.store.getChunks(hits.map((h) => h.chunkId));
    const passages: Passage[] = chunks.map((chunk, i) => {
      const meta = this.store.docs.get(chunk.docId)?.meta as DocumentMeta;
      const matchedTerms = terms.map((g) => g[0]).filter((t) => chunk.text.includes(t));
      return { chunk, meta, score: hits[i].score, why: { bm25Rank: hits[i].rank, matchedTerms } };
    });
    const best = hits[0]?.score ?? 0;
    return {
      query,
      passages,
      relevant: best >= 3,
      confidence: Math.min(1, best / Math.max(1, terms.length)),
      timings: { bm25Ms: 0.1, vectorMs: 0, fuseMs: 0 },
    };
  }
}

/** Quotes the best passage and cites it as [1]; refuses when retrieval is not relevant. */
export class FakeExtractiveAnswerer implements AnswerProvider {
  readonly id = 'extractive';
  async answer(_question: string, retrieval: Retrieval): Promise<Answer> {
    const best = retrieval.passages[0];
    if (!retrieval.relevant || !best) {
      return {
        answer: '抱歉，现有资料中没有找到相关规定，请拨打12345咨询。',
        refused: true,
        grounded: true,
        citations: [],
        provider: this.id,
      };
    }
    const { chunk, meta } = best;
    return {
      answer: `${chunk.text}[1]`,
      refused: false,
      grounded: true,
      provider: this.id,
      citations: [
        {
          n: 1,
          docId: chunk.docId,
          title: meta.title,
          docNumber: meta.docNumber,
          date: meta.publishDate,
          headingPath: chunk.headingPath.join(' › '),
          quote: chunk.text,
          start: chunk.start,
          end: chunk.end,
          verified: true,
        },
      ],
    };
  }
  async *stream(question: string, retrieval: Retrieval): AsyncIterable<AnswerEvent> {
    const answer = await this.answer(question, retrieval);
    for (const piece of answer.answer.match(/[^，。]+[，。]?/g) ?? [answer.answer])
      yield { type: 'delta', text: piece };
    yield { type: 'done', answer };
  }
}

export class FakeIndexer implements Indexer {
  constructor(private readonly store: FakeStore) {}

  async upsertText(id: string, text: string, meta: Partial<DocumentMeta> = {}): Promise<DocumentMeta> {
    const full: DocumentMeta = {
      title: text.split('\n')[0].slice(0, 60),
      type: '其他',
      sourcePath: `${id}.txt`,
      ...meta,
      id,
    };
    const chunks = chunkByLines(id, text).map((chunk) => ({
      chunk,
      tokens: bigrams(chunk.text),
      vector: [1, 1],
    }));
    await this.store.upsertDocument(
      { id, path: full.sourcePath, text, meta: full, hash: String(text.length) },
      chunks,
    );
    // Like the real indexer: persisted before the call returns.
    await this.store.flush();
    return full;
  }
  private upserted = 0;
  async prepare(input: UploadInput): Promise<PreparedUpload> {
    if (input.ext !== '.txt' && input.ext !== '.md')
      throw new AppError('DOCUMENT_UNREADABLE', 'fake indexer reads text only');
    const text = new TextDecoder().decode(input.bytes);
    const meta = {
      title: text.split('\n')[0].slice(0, 60),
      type: '其他',
      ...input.meta,
      id: input.id,
      sourcePath: input.sourcePath,
    };
    const { bytes: _bytes, ...rest } = input;
    return {
      staged: { path: '', id: input.id, ext: input.ext },
      input: rest,
      doc: {
        id: input.id,
        path: input.sourcePath,
        text,
        meta: meta as DocumentMeta,
        hash: String(text.length),
      },
      chunks: [],
      preparedWith: 'fake',
    };
  }
  async commit(prepared: PreparedUpload): Promise<UpsertResult> {
    const replaced = this.store.docs.has(prepared.doc.id);
    const document = await this.upsertText(prepared.doc.id, prepared.doc.text, prepared.doc.meta);
    this.upserted += 1;
    return { document, replaced, revision: this.upserted };
  }
  async discard() {}
  async reconcile() {
    return { restored: [], removed: [] };
  }
  async upsertFile(path: string, options: { id?: string; sourcePath?: string } = {}): Promise<DocumentMeta> {
    const { readFile } = await import('node:fs/promises');
    if (!path.endsWith('.txt') && !path.endsWith('.md'))
      throw new AppError('DOCUMENT_UNREADABLE', 'fake indexer reads text only');
    const text = await readFile(path, 'utf8');
    return this.upsertText(options.id ?? 'upload', text, { sourcePath: options.sourcePath });
  }
  async delete(id: string) {
    const removed = await this.store.deleteDocument(id);
    if (removed) await this.store.flush();
    return removed;
  }
}

export interface FakeAssistant extends Assistant {
  store: FakeStore;
  retriever: FakeRetriever;
}

/** A fake Assistant holding FAKE_DOCS, with the config built from `env` (extractive chat by default). */
export async function createFakeAssistant(env: Record<string, string> = {}): Promise<FakeAssistant> {
  const store = new FakeStore();
  const indexer = new FakeIndexer(store);
  for (const doc of FAKE_DOCS) await indexer.upsertText(doc.meta.id, doc.text, doc.meta);
  store.flushes = 0;
  return {
    config: loadConfig(env),
    tokenizer: fakeTokenizer,
    embedder: fakeEmbedder,
    store,
    retriever: new FakeRetriever(store),
    extractive: new FakeExtractiveAnswerer(),
    indexer,
    close: async () => {},
  };
}
