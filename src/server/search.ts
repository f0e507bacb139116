import { Hono } from 'hono';
import type { z } from 'zod';
import type { Passage } from '../domain.js';
import { flagsOf } from '../ingest/flag-passages.js';
import { DEFAULT_MIN_COVERAGE, idfCoverage } from '../retrieve/relevance.js';
import { indexedText } from '../text/indexed-text.js';
import { normaliseForIndex } from '../text/normalise.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { toMetaFilter } from './filters.js';
import { highlightSpans, markSnippet } from './highlight.js';
import { type SearchHitSchema, SearchQuerySchema, type SearchResponseSchema } from './schemas.js';
import { readQuery } from './validate.js';

type SearchHit = z.infer<typeof SearchHitSchema>;
type SearchResponse = z.infer<typeof SearchResponseSchema>;

/**
 * GET /api/search — passages with scores, highlighted matched terms, why they matched, and whether
 * each one holds enough of the question to count as relevant.
 */
export function searchRoutes({ state, metrics }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/search', async (c) => {
    const query = readQuery(c, SearchQuerySchema);
    const { assistant } = state.require();
    const started = performance.now();
    const retrieval = await assistant.retriever.retrieve(query.q, {
      k: query.k,
      filters: toMetaFilter(query),
    });
    const totalMs = Math.round((performance.now() - started) * 10) / 10;
    metrics.retrievalSeconds.observe({}, totalMs / 1000);
    // The retriever's relevance rule, per passage: the share of the question's informative terms
    // this passage holds by itself. Below the threshold a hit is a weaker match (page furniture,
    // contact lines, a passage sharing one common word), which the console hides by default.
    const coverage = (p: Passage): number => {
      if (p.why.articleMatch) return 1;
      if (!retrieval.terms) return retrieval.relevant ? 1 : 0;
      const text = normaliseForIndex(indexedText(p.chunk));
      return idfCoverage({ groups: retrieval.terms.groups, idf: retrieval.terms.idf, texts: [text] });
    };
    const results = retrieval.passages.map((p): SearchHit => {
      const covered = coverage(p);
      const flags = flagsOf(p.chunk);
      const highlights = highlightSpans(p.chunk.text, p.why.matchedTerms);
      return {
        chunkId: p.chunk.id,
        docId: p.chunk.docId,
        title: p.meta.title,
        docNumber: p.meta.docNumber,
        date: p.meta.publishDate ?? p.meta.effectiveDate,
        type: p.meta.type,
        authority: p.meta.authority,
        headingPath: p.chunk.headingPath,
        article: p.chunk.article,
        text: p.chunk.text,
        start: p.chunk.start,
        end: p.chunk.end,
        score: p.score,
        coverage: Math.round(covered * 1000) / 1000,
        relevant: covered >= DEFAULT_MIN_COVERAGE,
        highlights,
        snippet: markSnippet(p.chunk.text, highlights),
        why: {
          bm25Rank: p.why.bm25Rank,
          vectorRank: p.why.vectorRank,
          articleMatch: p.why.articleMatch,
          matchedTerms: p.why.matchedTerms,
        },
        ...(flags.length ? { flags } : {}),
        ...(p.copies?.length ? { copies: p.copies } : {}),
      };
    });
    const body: SearchResponse = {
      query: retrieval.query,
      relevant: retrieval.relevant,
      confidence: retrieval.confidence,
      results,
      timings: { ...retrieval.timings, totalMs },
    };
    return c.json(body);
  });
  return app;
}
