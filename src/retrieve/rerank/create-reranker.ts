import type { RerankConfig } from '../../config.js';
import type { AppError } from '../../errors.js';
import { withFallback } from './fallback-reranker.js';
import { createHttpReranker } from './http-reranker.js';
import { createOfflineReranker } from './offline-reranker.js';
import type { Reranker } from './reranker.js';

/** The reranker RERANK_PROVIDER names; undefined for 'off'. An HTTP model falls back to the offline order. */
export function createReranker(
  config: RerankConfig,
  onError?: (err: AppError) => void,
): Reranker | undefined {
  switch (config.kind) {
    case 'off':
      return undefined;
    case 'offline':
      return createOfflineReranker();
    case 'http':
      return withFallback(
        createHttpReranker({
          baseURL: config.baseURL,
          model: config.model,
          apiKey: config.apiKey,
          timeoutMs: config.timeoutMs,
        }),
        createOfflineReranker(),
        onError,
      );
  }
}
