/**
 * Shared types of the assistant. Everything that crosses a folder boundary is declared here,
 * so that `text/`, `ingest/`, `index/`, `retrieve/`, `answer/`, `server/` and `eval/` agree.
 *
 * Offsets: every `start`/`end` is a UTF-16 code-unit offset (JavaScript string index) into
 * `SourceDocument.text`, which is the document text *as read from its file* (decoded, but not
 * normalised). Citations, highlighting and eval coverage all rest on these offsets.
 */

/** Kinds of document the product distinguishes: the one list (API schema, manifest, staff console). */
export const DOC_TYPES = ['政策解读', '法规', '办事指南', '通知', '政策文件', '其他'] as const;

/** One of DOC_TYPES. */
export type DocType = (typeof DOC_TYPES)[number];

/** Metadata of one document, extracted from its text and overridden by a `manifest.jsonl` row. */
export interface DocumentMeta {
  /** File name without extension; unique in an index. */
  id: string;
  title: string;
  /** 发文字号, e.g. 青政办字【2025】21号 */
  docNumber?: string;
  /** 发布日期, ISO `YYYY-MM-DD` */
  publishDate?: string;
  /** 成文日期, ISO */
  writtenDate?: string;
  /** 施行日期, ISO */
  effectiveDate?: string;
  /** Issuing authority (发文机关) or interpreting unit (解读单位). */
  authority?: string;
  /** Subject category (主题分类). */
  category?: string;
  /** Contact phone given in the document (咨询电话). */
  phone?: string;
  /** Region, e.g. 山东省青岛市. */
  region?: string;
  type: DocType;
  /** Path of the source file relative to the corpus root it was found in. */
  sourcePath: string;
}

/** A document as loaded from disk. */
export interface SourceDocument {
  id: string;
  /** Absolute path of the file. */
  path: string;
  /** Text as read from the file (decoded; for html/pdf/docx: the extracted text). */
  text: string;
  meta: DocumentMeta;
  /** sha256 (hex) of `text` + the metadata that was applied, for incremental re-ingest. */
  hash: string;
}

/** A file that could not be ingested. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A span of a document. */
export interface Span {
  start: number;
  end: number;
}

/** A piece of a document that is indexed and cited. */
export interface Chunk extends Span {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Headings from the title down, e.g. ['《数字青岛2025年行动方案》政策解读', '一、实施数字经济提质工程']. */
  headingPath: string[];
  /** Law article label when the chunk is (part of) one article, e.g. '第十条'. */
  article?: string;
  /** Always `document.text.slice(start, end)`. */
  text: string;
  /** Set at ingest when the passage must not be relayed as an answer (src/ingest/flag-passages.ts). */
  flags?: PassageFlag[];
}

/**
 * Why a passage is not relayed: it reads like instructions to a model (`instruction`), or it links
 * to a site that is not a government one (`foreign-link`).
 */
export type PassageFlag = 'instruction' | 'foreign-link';

/** Filters over document metadata, shared by search, ask and the document list. */
export interface MetaFilter {
  authority?: string;
  year?: number;
  type?: DocType;
  docNumber?: string;
  docIds?: string[];
}

/** Why a passage was retrieved. */
export interface MatchExplanation {
  /** 1-based rank in the BM25 list, if it was there. */
  bm25Rank?: number;
  /** 1-based rank in the vector list, if it was there. */
  vectorRank?: number;
  /** Matched by the article route (a question that names a document and an article). */
  articleMatch?: boolean;
  /** Found by the definition route: the passage defines this term the question asks about. */
  definitionOf?: string;
  /** Found by searching this asking part of a multi-part question alone (0-based; answer/part-retrieval.ts). */
  askedPart?: number;
  /** Query terms found in the passage. */
  matchedTerms: string[];
}

/** A retrieved chunk with its document metadata and score. */
export interface Passage {
  chunk: Chunk;
  meta: DocumentMeta;
  /** Fused score (higher is better); comparable only within one result list. */
  score: number;
  why: MatchExplanation;
  /** The same text in other documents (republished copies), folded into this passage. */
  copies?: PassageCopy[];
}

/** Where else a passage's text stands: a span of another document. */
export interface PassageCopy extends Span {
  docId: string;
  title: string;
}

/** One source of an answer. `n` is the marker number used in the text, `[n]`. */
export interface Citation extends Span {
  n: number;
  docId: string;
  title: string;
  docNumber?: string;
  date?: string;
  /** Heading path joined with ' › '. */
  headingPath: string;
  /** Exactly `document.text.slice(start, end)`. */
  quote: string;
  /** The cited passage supports the sentence(s) that cite it (citation check). */
  verified: boolean;
}

export interface Answer {
  answer: string;
  refused: boolean;
  /** Every sentence and number of the answer is supported by a cited passage. */
  grounded: boolean;
  citations: Citation[];
  /** Which provider produced the answer (e.g. 'extractive', 'openai'). */
  provider: string;
  /** Set when the configured provider failed and the answer fell back to the extractive one. */
  fallbackReason?: string;
}

/** The result of retrieval for one question. */
export interface Retrieval {
  query: string;
  passages: Passage[];
  /** Calibrated "nothing relevant" signal: false when the corpus does not cover the question. */
  relevant: boolean;
  /** 0..1 — how much of the question's informative terms the best passages cover. */
  confidence: number;
  /**
   * The calibrated decision behind `relevant` (retrieve/answerability-model.ts): the probability
   * that the passages answer the question, and the outcome — 'answer', 'partial' (the documents
   * cover the topic but maybe not every part of the question: answer what is there and say what
   * is not) or 'refuse'.
   */
  answerability?: {
    probability: number;
    outcome: 'answer' | 'partial' | 'refuse';
    features?: Record<string, number>;
  };
  /**
   * The query's keyword groups (alternatives per group) and their IDF, as the retriever used them:
   * the extractive answerer and the search route reuse them instead of tokenizing the question and
   * asking the store again.
   */
  terms?: { groups: string[][]; idf: Map<string, number> };
  timings: { bm25Ms: number; vectorMs: number; fuseMs: number };
  /**
   * Set when the question names a place and the documents hold the matched 办事指南 only for other
   * places: their labels (e.g. ['广州市']), for a refusal that says which places are covered
   * (retrieve/guide-route.ts). `relevant` is false then.
   */
  coveredPlaces?: string[];
  /**
   * Set when the question is refused and every place it names is one the documents hold nothing of
   * (not it, not its province): their labels (e.g. ['北京市']), for a refusal that says so
   * (retrieve/unserved-places.ts). Such a question is refused unless a passage holds nearly all
   * else it asks (a national rule).
   */
  unservedPlaces?: string[];
  /**
   * Set when the question names a rule (《青岛市数据条例》, 山东省…条例) and the index holds no document
   * of that title: the names, for a refusal that says so (retrieve/named-documents.ts). `relevant`
   * is false then.
   */
  unheldRules?: string[];
  /**
   * Set when the question asks the assistant to drop its rules or reveal its prompt ('override',
   * text/instruction-text.ts) or asks live information no policy states, such as a timetable or
   * tomorrow's weather ('live', text/live-information.ts): nothing was searched, `relevant` is
   * false, and the refusal says why.
   */
  declined?: 'override' | 'live';
}

/**
 * Longest feedback comment, in characters: the API's limit, and the widget's comment box (which
 * reads it from GET /api/widget-config). It was 2,000 (up to ~6 KB a row: 3,584 rows made +26 MB
 * in 10 s, issue 14 item 4).
 */
export const MAX_FEEDBACK_COMMENT_CHARS = 500;

/**
 * Defaults of a retrieval, in one place (as minisearch keeps its `defaultSearchOptions`): the
 * configuration's RETRIEVAL_K and RERANK_CANDIDATES, and every part that retrieves without a
 * configuration (the eval's pipelines, the benches, the LangChain retriever, tests).
 */
export const RETRIEVAL_DEFAULTS = {
  /** Passages handed to the answerer (and to the eval's judge, numbered as the answerer saw them). */
  k: 6,
  /** Passages the reranker reorders before the top `k` are kept (docs/rerank.md). */
  rerankCandidates: 20,
} as const;
