import type { EmbedderConfig } from '../config.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Embedder } from './embedder.js';
import { HashingEmbedder } from './hashing-embedder.js';
import type { IdfTable } from './idf-table.js';
import { OpenAICompatibleEmbedder } from './openai-embedder.js';

/** What factories may need besides their config. */
export interface EmbedderDeps {
  tokenizer: Tokenizer;
  /** Idf table for the hashing embedder, restored from the index (`LocalStore.getExtra`). */
  idf?: IdfTable;
}

type Factories = {
  [K in EmbedderConfig['kind']]: (
    config: Extract<EmbedderConfig, { kind: K }>,
    deps: EmbedderDeps,
  ) => Embedder;
};

/** One factory per config kind: a kind added to the config schema without a factory fails `tsc`. */
const FACTORIES: Factories = {
  hashing: (config, { tokenizer, idf }) =>
    new HashingEmbedder({ tokenizer, dimensions: config.dimensions, idf }),
  openai: (config) =>
    new OpenAICompatibleEmbedder({
      baseURL: config.baseURL,
      model: config.model,
      apiKey: config.apiKey,
      dimensions: config.dimensions,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      batchSize: config.batchSize,
    }),
};

export function createEmbedder(config: EmbedderConfig, deps: EmbedderDeps): Embedder {
  const factory = FACTORIES[config.kind] as (c: EmbedderConfig, d: EmbedderDeps) => Embedder;
  return factory(config, deps);
}
