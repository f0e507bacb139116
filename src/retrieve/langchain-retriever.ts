import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { type MetaFilter, type Passage, RETRIEVAL_DEFAULTS } from '../domain.js';
import type { Retriever } from './retriever.js';

/** What a LangChain document from this retriever carries besides its text. */
export interface PolicyPassageMetadata {
  docId: string;
  title: string;
  docNumber?: string;
  publishDate?: string;
  authority?: string;
  type: string;
  /** Headings from the title down (《标题》, 一、…, （二）…). */
  headingPath: string[];
  article?: string;
  /** Character offsets of `pageContent` in the document text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Fused score; comparable only within one result list. */
  score: number;
  /** How much of the question's informative terms the best passages cover, 0..1 (the refusal signal). */
  confidence: number;
}

export interface LangChainPolicyRetrieverOptions extends BaseRetrieverInput {
  /** The hybrid retriever to expose (the assembled pipeline's `retriever`). */
  retriever: Retriever;
  /** Passages per question; default `RETRIEVAL_DEFAULTS.k`, the answerer's `RETRIEVAL_K` default. */
  k?: number;
  filters?: MetaFilter;
  /**
   * Return no documents when retrieval judges that nothing relevant was found (default true), so
   * a chain built on it can refuse instead of answering from unrelated passages, as the service does.
   */
  dropIrrelevant?: boolean;
}

function toDocument(passage: Passage, confidence: number): Document<PolicyPassageMetadata> {
  const { chunk, meta } = passage;
  return new Document({
    pageContent: chunk.text,
    id: chunk.id,
    metadata: {
      docId: meta.id,
      title: meta.title,
      docNumber: meta.docNumber,
      publishDate: meta.publishDate,
      authority: meta.authority,
      type: meta.type,
      headingPath: chunk.headingPath,
      article: chunk.article,
      start: chunk.start,
      end: chunk.end,
      score: passage.score,
      confidence,
    },
  });
}

/**
 * The Chinese policy retriever (jieba BM25 + HNSW fusion, article route, copy folding, relevance
 * signal) as a LangChain.js `BaseRetriever`, so a LangChain application can put it into its own
 * chains (`RunnableSequence`, `createRetrievalChain` …). LangChain types stay in this file.
 */
export class LangChainPolicyRetriever extends BaseRetriever<PolicyPassageMetadata> {
  lc_namespace = ['zhengwu', 'retrievers'];
  private readonly retriever: Retriever;
  private readonly k: number;
  private readonly filters: MetaFilter | undefined;
  private readonly dropIrrelevant: boolean;

  constructor({
    retriever,
    k = RETRIEVAL_DEFAULTS.k,
    filters,
    dropIrrelevant = true,
    ...fields
  }: LangChainPolicyRetrieverOptions) {
    super(fields);
    this.retriever = retriever;
    this.k = k;
    this.filters = filters;
    this.dropIrrelevant = dropIrrelevant;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PolicyPassageMetadata>[]> {
    const retrieval = await this.retriever.retrieve(query, { k: this.k, filters: this.filters });
    if (this.dropIrrelevant && !retrieval.relevant) return [];
    return retrieval.passages.map((p) => toDocument(p, retrieval.confidence));
  }
}
