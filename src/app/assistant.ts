import type { AnswerProvider } from '../answer/answer-provider.js';
import type { Config } from '../config.js';
import type { Embedder } from '../index/embedder.js';
import type { SearchStore } from '../index/search-store.js';
import type { Indexer } from '../ingest/indexer.js';
import type { Retriever } from '../retrieve/retriever.js';
import type { Tokenizer } from '../text/tokenizer.js';

/**
 * Everything the service, the CLI and the eval need, built once in app/ (`buildAssistant` in
 * build-assistant.ts) from the validated config.
 */
export interface Assistant {
  config: Config;
  tokenizer: Tokenizer;
  embedder: Embedder;
  store: SearchStore;
  retriever: Retriever;
  /** The offline answerer; also the fallback when a chat provider fails. */
  extractive: AnswerProvider;
  indexer: Indexer;
  close(): Promise<void>;
}
