import type * as LangChainOpenAI from '@langchain/openai';

/**
 * A client of LangChain's OpenAI package (chat model or embeddings), built by `create` once the
 * package is imported. The import happens here, not at start-up: it takes ~2.6 s on this 2-core
 * machine (measured 2026-11-30), which a one-shot `npm run ask` over the offline providers never
 * needs. It starts at once, because only a configured provider is ever constructed, so the first
 * request does not wait for it; a failure surfaces on the first call that awaits the client, never
 * as an unhandled rejection.
 */
export function openAIClient<T>(create: (sdk: typeof LangChainOpenAI) => T): Promise<T> {
  const client = import('@langchain/openai').then(create);
  client.catch(() => undefined);
  return client;
}
