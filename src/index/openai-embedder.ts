import type { OpenAIEmbeddings } from '@langchain/openai';
import { AppError } from '../errors.js';
import { openAIClient } from '../provider-client.js';
import { translateProviderError } from '../provider-errors.js';
import type { Embedder } from './embedder.js';

export interface OpenAICompatibleEmbedderOptions {
  baseURL: string;
  model: string;
  apiKey: string;
  /** Vector size requested from and checked against the server. */
  dimensions: number;
  timeoutMs: number;
  /** Retries after a failed call (LangChain's AsyncCaller); 0 in tests. */
  maxRetries: number;
  /** Texts per request. */
  batchSize: number;
  /** Requests in flight at once. Default 2 (LangChain's). */
  maxConcurrency?: number;
}

const WHAT = '嵌入服务 (embeddings)';

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (Qwen, GLM, vLLM, Ollama,
 * Xinference, TEI …) through LangChain's `OpenAIEmbeddings`, with every option explicit:
 * otherwise it reads `OPENAI_*` variables, retries six times, asks for base64 (which a server
 * answering floats turns into silently empty vectors) and replaces newlines with spaces (which
 * puts spaces into Chinese text): each seen with @langchain/openai 1.5.8, and pinned by
 * test/index/openai-embedder.test.ts.
 */
export class OpenAICompatibleEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly client: Promise<OpenAIEmbeddings>;

  constructor(options: OpenAICompatibleEmbedderOptions) {
    this.dimensions = options.dimensions;
    this.id = `openai:${options.model}:d${options.dimensions}`;
    this.client = openAIClient(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          apiKey: options.apiKey,
          model: options.model,
          dimensions: options.dimensions,
          configuration: { baseURL: options.baseURL },
          timeout: options.timeoutMs,
          maxRetries: options.maxRetries,
          maxConcurrency: options.maxConcurrency ?? 2,
          batchSize: options.batchSize,
          encodingFormat: 'float',
          stripNewLines: false,
        }),
    );
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    let vectors: number[][];
    try {
      vectors = await (await this.client).embedDocuments(texts);
    } catch (err) {
      throw translateProviderError(err, WHAT);
    }
    if (vectors.length !== texts.length) {
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `${WHAT}: 请求 ${texts.length} 条, 返回 ${vectors.length} 条向量`,
      );
    }
    for (const v of vectors) this.check(v);
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    let vector: number[];
    try {
      vector = await (await this.client).embedQuery(text);
    } catch (err) {
      throw translateProviderError(err, WHAT);
    }
    this.check(vector);
    return vector;
  }

  private check(vector: unknown): void {
    const ok =
      Array.isArray(vector) &&
      vector.length === this.dimensions &&
      vector.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!ok) {
      const got = Array.isArray(vector) ? `${vector.length} 维` : typeof vector;
      throw new AppError(
        'PROVIDER_BAD_RESPONSE',
        `${WHAT}: 向量无效, 期望 ${this.dimensions} 维, 收到 ${got} (expected ${this.dimensions} finite numbers)`,
      );
    }
  }
}
