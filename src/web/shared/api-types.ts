/**
 * The JSON shapes the browser code reads from the service (see the API contract in README).
 * Kept separate from `src/domain.ts` because these are wire shapes: every field the server may
 * leave out is optional here, and the browser code never trusts more than it needs.
 */

/** One numbered source of an answer, as sent by POST /api/ask. */
export interface WireCitation {
  n: number;
  docId: string;
  title: string;
  docNumber?: string;
  date?: string;
  headingPath?: string;
  quote: string;
  start: number;
  end: number;
  verified?: boolean;
}

/** The full answer (`done` event or the JSON body of POST /api/ask). */
export interface WireAnswer {
  answer: string;
  refused: boolean;
  grounded?: boolean;
  citations: WireCitation[];
  conversationId?: string;
  requestId?: string;
  rewrittenQuestion?: string;
  fallbackReason?: string;
}

/** GET /api/widget-config: what the widget takes from the service's configuration. */
export interface WireWidgetConfig {
  /** MAX_QUESTION_CHARS. */
  maxQuestionChars: number;
  /** Longest feedback comment the API takes (MAX_FEEDBACK_COMMENT_CHARS). */
  maxCommentChars: number;
  /** REFERRAL_LINE, e.g. "12345 政务服务便民热线". */
  referralLine: string;
  /** The phone numbers in the referral line, for tel: links. */
  referralPhones: string[];
}

/** One retrieved passage as announced by the `meta` event of a streamed answer. */
export interface WireSource {
  n: number;
  docId: string;
  title: string;
  headingPath?: string;
  score?: number;
}

/** application/problem+json */
export interface WireProblem {
  code?: string;
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
}

/** Metadata of a document (a subset of DocumentMeta in src/domain.ts). */
export interface WireDocumentMeta {
  id: string;
  title: string;
  docNumber?: string;
  publishDate?: string;
  authority?: string;
  type?: string;
  category?: string;
  phone?: string;
}

/** One search hit of GET /api/search. `highlights` are offsets into `text`. */
export interface WireSearchResult {
  chunkId: string;
  docId: string;
  title: string;
  docNumber?: string;
  date?: string;
  type?: string;
  authority?: string;
  headingPath: string | string[];
  text: string;
  start: number;
  end: number;
  score: number;
  /** 0..1: share of the question's informative terms this passage holds. */
  coverage?: number;
  /** False for a weaker match (below the relevance threshold); absent from older services. */
  relevant?: boolean;
  highlights?: { start: number; end: number }[];
  why?: { bm25Rank?: number; vectorRank?: number; articleMatch?: boolean; matchedTerms?: string[] };
  /** The same text in other documents. */
  copies?: { docId: string; title: string; start: number; end: number }[];
  /** Set when the passage is never relayed as an answer: it reads like instructions, or links off-government. */
  flags?: ('instruction' | 'foreign-link')[];
}

/** GET /api/documents/:id */
export interface WireDocument {
  meta: WireDocumentMeta;
  text: string;
  chunks: { id: string; start: number; end: number; headingPath: string[] | string; article?: string }[];
}
