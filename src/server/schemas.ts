import { z } from 'zod';
import { DOC_TYPES, MAX_FEEDBACK_COMMENT_CHARS } from '../domain.js';
import { stripMarkup } from '../text/strip-markup.js';

/**
 * Every request and response body of the API, as zod schemas. Routes validate with them and
 * `/openapi.json` is generated from them, so the document cannot drift from the code.
 */

export const DocTypeSchema = z.enum(DOC_TYPES);

/** Metadata filters shared by ask, search and the document list. */
export const MetaFilterSchema = z
  .object({
    authority: z.string().min(1).max(100).optional(),
    year: z.coerce.number().int().min(1949).max(2100).optional(),
    type: DocTypeSchema.optional(),
    docNumber: z.string().min(1).max(100).optional(),
    docIds: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .strict();

export const DocumentMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().optional(),
  publishDate: z.string().optional(),
  writtenDate: z.string().optional(),
  effectiveDate: z.string().optional(),
  authority: z.string().optional(),
  category: z.string().optional(),
  phone: z.string().optional(),
  region: z.string().optional(),
  type: DocTypeSchema,
  sourcePath: z.string(),
});

export const CitationSchema = z.object({
  n: z.number().int(),
  docId: z.string(),
  title: z.string(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  headingPath: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  verified: z.boolean(),
});

/** Conversation ids are opaque; this shape keeps them log-safe. */
export const ConversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '会话编号格式无效');

export const AskRequestSchema = z
  .object({
    // Markup is removed before the question is searched (text/strip-markup.ts).
    question: z
      .string()
      .trim()
      .min(1, '问题不能为空')
      .max(10_000)
      .transform(stripMarkup)
      .pipe(z.string().min(1, '问题不能为空')),
    conversationId: ConversationIdSchema.optional(),
    filters: MetaFilterSchema.optional(),
  })
  .strict();

export const AskTimingsSchema = z.object({
  rewriteMs: z.number(),
  retrieveMs: z.number(),
  answerMs: z.number(),
  totalMs: z.number(),
});

export const AskResponseSchema = z.object({
  answer: z.string(),
  refused: z.boolean(),
  grounded: z.boolean(),
  citations: z.array(CitationSchema),
  conversationId: z.string(),
  /**
   * True when the conversationId sent was not one this service issued (client-chosen, forged,
   * signed under another CONVERSATION_SECRET): a new conversation was started under `conversationId`.
   */
  newConversation: z.boolean().optional(),
  requestId: z.string(),
  /** The standalone question that was searched, when a follow-up was rewritten. */
  rewrittenQuestion: z.string().optional(),
  provider: z.string(),
  fallbackReason: z.string().optional(),
  timings: AskTimingsSchema,
});

/** The `meta` SSE event: what was retrieved, before any text. */
export const AskStreamMetaSchema = z.object({
  requestId: z.string(),
  conversationId: z.string(),
  newConversation: z.boolean().optional(),
  rewrittenQuestion: z.string().optional(),
  sources: z.array(
    z.object({
      n: z.number().int(),
      docId: z.string(),
      title: z.string(),
      headingPath: z.string(),
      score: z.number(),
    }),
  ),
});

export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, '检索词不能为空')
    .max(500)
    .transform(stripMarkup)
    .pipe(z.string().min(1, '检索词不能为空')),
  k: z.coerce.number().int().min(1).max(50).default(10),
  authority: z.string().min(1).max(100).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  type: DocTypeSchema.optional(),
  docNumber: z.string().min(1).max(100).optional(),
});

export const SearchHitSchema = z.object({
  chunkId: z.string(),
  docId: z.string(),
  title: z.string(),
  docNumber: z.string().optional(),
  date: z.string().optional(),
  type: DocTypeSchema,
  authority: z.string().optional(),
  headingPath: z.array(z.string()),
  article: z.string().optional(),
  text: z.string(),
  /** Offsets of the passage in its document. */
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  /** 0..1: weighted share of the question's informative terms this passage holds by itself. */
  coverage: z.number(),
  /** `coverage` reaches the retriever's relevance threshold; false marks a weaker match. */
  relevant: z.boolean(),
  /** Matched terms as offsets into `text` (not the document), sorted and non-overlapping. */
  highlights: z.array(SpanSchema),
  /** `text` HTML-escaped with matched terms wrapped in `<mark>`; safe to insert as HTML. */
  snippet: z.string(),
  why: z.object({
    bm25Rank: z.number().int().optional(),
    vectorRank: z.number().int().optional(),
    articleMatch: z.boolean().optional(),
    matchedTerms: z.array(z.string()),
  }),
  /** Why the passage is not relayed as an answer (ingest/flag-passages.ts); absent when it is. */
  flags: z.array(z.enum(['instruction', 'foreign-link'])).optional(),
  /** The same text in other documents (republished copies), folded into this result. */
  copies: z
    .array(z.object({ docId: z.string(), title: z.string(), start: z.number().int(), end: z.number().int() }))
    .optional(),
});

export const SearchResponseSchema = z.object({
  query: z.string(),
  relevant: z.boolean(),
  confidence: z.number(),
  results: z.array(SearchHitSchema),
  timings: z.object({ bm25Ms: z.number(), vectorMs: z.number(), fuseMs: z.number(), totalMs: z.number() }),
});

export const DocumentListQuerySchema = z.object({
  authority: z.string().min(1).max(100).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  type: DocTypeSchema.optional(),
  docNumber: z.string().min(1).max(100).optional(),
  /** Substring of the title. */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DocumentListResponseSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentMetaSchema),
});

export const DocumentResponseSchema = z.object({
  meta: DocumentMetaSchema,
  text: z.string(),
  hash: z.string(),
  chunks: z.array(
    z.object({
      id: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      headingPath: z.array(z.string()),
      article: z.string().optional(),
    }),
  ),
});

export const DocumentIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/, '文档编号不能包含路径分隔符');

export const AdminUpsertTextSchema = z
  .object({
    id: DocumentIdSchema,
    text: z.string().min(1, '正文不能为空'),
    meta: DocumentMetaSchema.omit({ id: true, sourcePath: true }).partial().optional(),
  })
  .strict();

export const AdminUpsertResponseSchema = z.object({
  document: DocumentMetaSchema,
  /** An earlier version of this id was replaced. */
  replaced: z.boolean(),
  /** Order of this write (the index generation it committed): of several uploads of one id, the highest is live. */
  revision: z.number().int().optional(),
});
export const AdminDeleteResponseSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const FeedbackRequestSchema = z
  .object({
    requestId: z.string().min(1).max(100),
    rating: z.enum(['up', 'down']),
    comment: z.string().max(MAX_FEEDBACK_COMMENT_CHARS).optional(),
  })
  .strict();

export const FeedbackResponseSchema = z.object({
  id: z.number().int(),
  stored: z.literal(true),
  /** True when this rating replaced an earlier one for the same answer. */
  replaced: z.boolean(),
});

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
export const ReadyResponseSchema = z.object({
  status: z.enum(['ready', 'loading', 'failed']),
  documents: z.number().int().optional(),
  chunks: z.number().int().optional(),
  progress: z.string().optional(),
});

export const ProblemSchema = z.object({
  type: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  requestId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** GET /api/widget-config: what the widget takes from the configuration (src/web/web-routes.ts serves it). */
export const WidgetConfigSchema = z.object({
  maxQuestionChars: z.number().int(),
  /** Longest feedback comment the API takes (the widget's comment box limit). */
  maxCommentChars: z.number().int(),
  referralLine: z.string(),
  referralPhones: z.array(z.string()),
});
