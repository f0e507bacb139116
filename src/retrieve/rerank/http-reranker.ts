import { z } from 'zod';
import type { Passage } from '../../domain.js';
import { AppError } from '../../errors.js';
import { translateProviderError } from '../../provider-errors.js';
import { formatHeadingPath } from '../../text/citation-text.js';
import type { Reranker } from './reranker.js';

/** Options of `createHttpReranker`. */
export interface HttpRerankerOptions {
  /** Base URL of the API, the part before `/rerank`, e.g. `http://127.0.0.1:8080/v1`. */
  baseURL: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when set; never logged. */
  apiKey?: string;
  /** Longest wait for one reply, in ms. */
  timeoutMs: number;
  /** Characters of each passage sent (title + text); longer ones are cut, as the models truncate anyway. */
  maxDocumentChars?: number;
}

/** Reply of the Cohere/Jina `/v1/rerank` API (TEI, Xinference and vLLM serve the same shape). */
const replySchema = z.object({
  results: z.array(
    z.object({
      index: z.number().int().min(0),
      relevance_score: z.number().refine(Number.isFinite, 'relevance_score must be finite'),
    }),
  ),
});

/**
 * Default characters per document: a chunk is ≤ 480 characters, its title and headings add up to
 * ~100; 1,000 leaves room without sending whole documents.
 */
const DEFAULT_MAX_DOCUMENT_CHARS = 1000;

function documentText(p: Passage, max: number): string {
  const head = formatHeadingPath([p.meta.title, ...p.chunk.headingPath.slice(1)]);
  return `${head}\n${p.chunk.text}`.slice(0, max);
}

/**
 * A reranking model behind the common `/v1/rerank` API: POST `{model, query, documents, top_n}`,
 * reply `{results: [{index, relevance_score}]}`. Failures are AppErrors by HTTP status (401/403 →
 * PROVIDER_AUTH, 429 → PROVIDER_RATE_LIMITED, 5xx → PROVIDER_UNAVAILABLE, timeout →
 * PROVIDER_TIMEOUT, a reply of another shape → PROVIDER_BAD_RESPONSE); `withFallback` turns them
 * into the offline order. Passages the reply leaves out keep their order after the scored ones.
 */
export function createHttpReranker({
  baseURL,
  model,
  apiKey,
  timeoutMs,
  maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS,
}: HttpRerankerOptions): Reranker {
  const url = `${baseURL.replace(/\/+$/, '')}/rerank`;
  const provider = `rerank ${model}`;
  return {
    name: `http:${model}`,
    async rerank(query, passages): Promise<Passage[]> {
      if (passages.length <= 1) return [...passages];
      let response: Response;
      let body: unknown;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          },
          body: JSON.stringify({
            model,
            query,
            documents: passages.map((p) => documentText(p, maxDocumentChars)),
            top_n: passages.length,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) {
          await response.body?.cancel();
          throw translateProviderError({ status: response.status }, provider);
        }
        body = await response.json();
      } catch (err) {
        throw translateProviderError(err, provider);
      }
      const parsed = replySchema.safeParse(body);
      const indices = parsed.success ? parsed.data.results.map((r) => r.index) : [];
      if (
        !parsed.success ||
        indices.some((i) => i >= passages.length) ||
        new Set(indices).size !== indices.length
      ) {
        throw new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${provider}: 重排服务的响应格式无效 (no valid results list)`,
        );
      }
      const scored = [...parsed.data.results].sort(
        (a, b) => b.relevance_score - a.relevance_score || a.index - b.index,
      );
      const seen = new Set(scored.map((r) => r.index));
      return [...scored.map((r) => passages[r.index]), ...passages.filter((_, i) => !seen.has(i))];
    },
  };
}
