import { type AppError, isAppError } from '../../errors.js';
import { translateProviderError } from '../../provider-errors.js';
import type { Reranker } from './reranker.js';

/**
 * `primary` (a model), and on any failure `fallback` (the offline order): a reranking model that
 * is down, slow or rate-limited costs ranking quality, never an answer. `onError` sees the typed
 * error (for the log; it carries no key and no question text).
 */
export function withFallback(
  primary: Reranker,
  fallback: Reranker,
  onError: (err: AppError) => void = () => {},
): Reranker {
  return {
    name: `${primary.name}|${fallback.name}`,
    async rerank(query, passages, context) {
      try {
        return await primary.rerank(query, passages, context);
      } catch (err) {
        onError(isAppError(err) ? err : translateProviderError(err, primary.name));
        return fallback.rerank(query, passages, context);
      }
    },
  };
}
