import { isIP } from 'node:net';
import { z } from 'zod';
import { RETRIEVAL_DEFAULTS } from './domain.js';
import { AppError } from './errors.js';

/**
 * The only reader of `process.env`. One zod schema, validated at start-up; an invalid value stops
 * start-up with a message that names the variable. Every default is documented in the README.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
/** `a.b.c.d`, `a.b.c.d/n`, `::1`, `fd00::/8`: an address or a CIDR block. Undefined when invalid. */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address, prefixText, extra] = text.trim().split('/');
  const version = isIP(address);
  if (extra !== undefined || version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return { address, prefix: Number(prefixText), family };
}

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.length > 0 ? v : undefined));

const embedderSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hashing'),
    /** Vector size of the local hashing embedder. 256 keeps HNSW fast at ~40k chunks (see bench). */
    dimensions: z.coerce.number().int().min(32).max(4096).default(256),
  }),
  z.object({
    kind: z.literal('openai'),
    baseURL: z.url(),
    model: z.string().min(1),
    apiKey: z.string().default('EMPTY'),
    dimensions: z.coerce.number().int().positive(),
    timeoutMs: z.coerce.number().int().positive().default(30_000),
    maxRetries: z.coerce.number().int().min(0).max(10).default(1),
    batchSize: z.coerce.number().int().positive().default(64),
  }),
]);

const chatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('extractive') }),
  z.object({
    kind: z.literal('openai'),
    baseURL: z.url(),
    model: z.string().min(1),
    apiKey: z.string().default('EMPTY'),
    timeoutMs: z.coerce.number().int().positive().default(30_000),
    maxRetries: z.coerce.number().int().min(0).max(10).default(0),
    temperature: z.coerce.number().min(0).max(2).default(0.1),
    maxTokens: z.coerce.number().int().positive().default(1024),
  }),
]);

const rerankSchema = z.discriminatedUnion('kind', [
  /** No second stage: the fused retrieval order. */
  z.object({ kind: z.literal('off') }),
  /** The offline feature scorer (src/retrieve/rerank/offline-reranker.ts). */
  z.object({ kind: z.literal('offline') }),
  /** A `/v1/rerank` model (Cohere/Jina shape: TEI, Xinference, vLLM), the offline order on failure. */
  z.object({
    kind: z.literal('http'),
    baseURL: z.url(),
    model: z.string().min(1),
    apiKey: optionalSecret,
    /** A reranking call on ~20 short passages takes 50–300 ms on a GPU; 5 s bounds a stuck one. */
    timeoutMs: z.coerce.number().int().positive().default(5000),
  }),
]);

export const configSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Directory of the local index. */
  indexDir: z.string().default('data/index'),
  /** Folders the default index covers. */
  corpusDirs: list.default(['seeds', 'corpus']),
  /** Where admin uploads are kept, so a re-ingest keeps them. */
  uploadDir: z.string().default('corpus/uploads'),
  /** Where feedback and other durable service data live. */
  dataDir: z.string().default('data'),
  store: z.enum(['local', 'postgres']).default('local'),
  /**
   * Longest wait, ms, for another writer of the local index (an ingest, an upload) before a write
   * fails with INDEX_LOCKED. 30 s covers an upload or an incremental ingest of a few hundred files.
   */
  indexLockWaitMs: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /**
   * How often, ms, the service looks for a newer index generation another process (the CLI ingest)
   * wrote, and loads it. One small file read per look; 0 turns watching off (writes still check).
   */
  indexWatchMs: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
  databaseUrl: optionalSecret,
  pgPoolMax: z.coerce.number().int().min(1).max(200).default(10),
  embedder: embedderSchema,
  chat: chatSchema,
  rerank: rerankSchema,
  /** Candidates the reranker reorders before the top `retrievalK` are kept (RERANK_CANDIDATES). */
  rerankCandidates: z.coerce.number().int().min(1).max(100).default(RETRIEVAL_DEFAULTS.rerankCandidates),
  /**
   * With a chat model (CHAT_PROVIDER=openai), also search with its rewrite of the question into
   * official policy wording (QUERY_REWRITE; src/answer/policy-query-rewrite.ts). Default false:
   * not yet measured against a real model (docs/lexicon.md); it costs one model call per question
   * and falls back to the question alone on any failure.
   */
  queryRewrite: bool.default(false),
  /** Model the eval's `--judge` asks on the chat endpoint; unset: CHAT_MODEL. */
  judgeModel: z.string().min(1).optional(),
  /** Answer with the extractive provider when the chat provider fails. */
  fallbackToExtractive: bool.default(true),
  adminToken: optionalSecret,
  corsOrigins: list.default([]),
  /**
   * Weight of the vector list in the score fusion (BM25 weighs 1). Unset: 0.2 with the offline hashing
   * embedder (lexical, weaker than BM25 on exact policy wording: see docs/evaluation.md), 1 with an
   * embedding model.
   */
  vectorWeight: z.coerce.number().min(0).max(10).optional(),
  /**
   * The region the service is deployed for (青岛市, 山东省青岛市, 广东省 …): questions that name no
   * place prefer its documents, then its province's, then national ones (a ranking prior). Unset:
   * no prior for such questions (a question naming a place still prefers that place's documents).
   */
  deploymentRegion: z.string().trim().min(2).optional(),
  /** Passages handed to the answerer. */
  retrievalK: z.coerce.number().int().min(1).max(50).default(RETRIEVAL_DEFAULTS.k),
  maxQuestionChars: z.coerce.number().int().min(10).max(10_000).default(500),
  /** Largest JSON request body, bytes: 64 KiB (a question is at most MAX_QUESTION_CHARS). */
  maxBodyBytes: z.coerce.number().int().min(1024).default(65_536),
  /** Largest upload, bytes: 60 MiB. */
  maxUploadBytes: z.coerce.number().int().min(1024).default(62_914_560),
  /** Requests per client per minute on ask and search; 0 turns limiting off. */
  rateLimitPerMinute: z.coerce.number().int().min(0).default(60),
  /**
   * Reverse proxies in front of the service that append to X-Forwarded-For (nginx, a load balancer):
   * the client is the address that many entries from the right. 0 (default) ignores the header, which
   * any client could forge, and uses the socket address.
   */
  trustProxyHops: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * The proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR blocks, e.g.
   * `127.0.0.1,10.0.0.0/8`). Required with TRUST_PROXY_HOPS > 0: a request from any other peer is
   * keyed on its socket address whatever its header says. Default: none.
   */
  trustedProxies: list.default([]).refine((cidrs) => cidrs.every((c) => parseCidr(c) !== undefined), {
    message: '每一项须是 IP 地址或 CIDR 网段 (an IP address or CIDR block, e.g. 10.0.0.0/8)',
  }),
  /**
   * Key that signs conversation ids (HMAC-SHA256), at least 32 characters. Unset: a random key per
   * process, so ids die with a restart; replicas behind one load balancer need the same value.
   */
  conversationSecret: optionalSecret.refine((v) => v === undefined || v.length >= 32, {
    message: '至少 32 个字符 (at least 32 characters)',
  }),
  /**
   * Extra colloquial ↔ official lexicon files (comma-separated paths, same format as
   * lexicon/colloquial.tsv, see docs/lexicon.md), loaded after the built-in ones. Default: none.
   */
  lexiconFiles: list.default([]),
  /** The line citizens are referred to when the documents do not answer. */
  referralLine: z.string().default('12345 政务服务便民热线'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;
export type EmbedderConfig = z.infer<typeof embedderSchema>;
export type ChatConfig = z.infer<typeof chatSchema>;
export type RerankConfig = z.infer<typeof rerankSchema>;

type Env = Record<string, string | undefined>;

/**
 * The one table of environment variables: where each lands in the schema's shape (`chat.model` is
 * `config.chat.model`). The reader (`fromEnv`) and the error messages (which name the variable, not
 * the path) both derive from it; every variable is documented in the README's configuration table.
 */
export const ENV_VARIABLES: Readonly<Record<string, string>> = {
  host: 'HOST',
  port: 'PORT',
  indexDir: 'INDEX_DIR',
  corpusDirs: 'CORPUS_DIRS',
  dataDir: 'DATA_DIR',
  uploadDir: 'UPLOAD_DIR',
  store: 'STORE',
  indexLockWaitMs: 'INDEX_LOCK_WAIT_MS',
  indexWatchMs: 'INDEX_WATCH_MS',
  databaseUrl: 'DATABASE_URL',
  pgPoolMax: 'PG_POOL_MAX',
  'embedder.kind': 'EMBEDDER',
  'embedder.dimensions': 'EMBEDDING_DIMENSIONS',
  'embedder.baseURL': 'EMBEDDING_BASE_URL',
  'embedder.model': 'EMBEDDING_MODEL',
  'embedder.apiKey': 'EMBEDDING_API_KEY',
  'embedder.timeoutMs': 'EMBEDDING_TIMEOUT_MS',
  'embedder.maxRetries': 'EMBEDDING_MAX_RETRIES',
  'embedder.batchSize': 'EMBEDDING_BATCH_SIZE',
  'chat.kind': 'CHAT_PROVIDER',
  'chat.baseURL': 'CHAT_BASE_URL',
  'chat.model': 'CHAT_MODEL',
  'chat.apiKey': 'CHAT_API_KEY',
  'chat.timeoutMs': 'CHAT_TIMEOUT_MS',
  'chat.maxRetries': 'CHAT_MAX_RETRIES',
  'chat.temperature': 'CHAT_TEMPERATURE',
  'chat.maxTokens': 'CHAT_MAX_TOKENS',
  'rerank.kind': 'RERANK_PROVIDER',
  'rerank.baseURL': 'RERANK_BASE_URL',
  'rerank.model': 'RERANK_MODEL',
  'rerank.apiKey': 'RERANK_API_KEY',
  'rerank.timeoutMs': 'RERANK_TIMEOUT_MS',
  rerankCandidates: 'RERANK_CANDIDATES',
  queryRewrite: 'QUERY_REWRITE',
  judgeModel: 'JUDGE_MODEL',
  fallbackToExtractive: 'FALLBACK_TO_EXTRACTIVE',
  adminToken: 'ADMIN_TOKEN',
  corsOrigins: 'CORS_ORIGINS',
  retrievalK: 'RETRIEVAL_K',
  deploymentRegion: 'DEPLOYMENT_REGION',
  vectorWeight: 'VECTOR_WEIGHT',
  maxQuestionChars: 'MAX_QUESTION_CHARS',
  maxBodyBytes: 'MAX_BODY_BYTES',
  maxUploadBytes: 'MAX_UPLOAD_BYTES',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  trustProxyHops: 'TRUST_PROXY_HOPS',
  trustedProxies: 'TRUSTED_PROXIES',
  conversationSecret: 'CONVERSATION_SECRET',
  lexiconFiles: 'LEXICON_FILES',
  referralLine: 'REFERRAL_LINE',
  logLevel: 'LOG_LEVEL',
};

/** The providers used while their variable (EMBEDDER, CHAT_PROVIDER, RERANK_PROVIDER) is unset. */
const DEFAULT_KINDS = { embedder: 'hashing', chat: 'extractive', rerank: 'off' } as const;

/** The schema's input from the environment: each set, non-empty variable of ENV_VARIABLES at its path. */
function fromEnv(env: Env): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [group, kind] of Object.entries(DEFAULT_KINDS)) input[group] = { kind };
  for (const [path, name] of Object.entries(ENV_VARIABLES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const [head, key] = path.split('.');
    if (key === undefined) input[head] = value;
    else (input[head] as Record<string, unknown>)[key] = value;
  }
  return input;
}

/** CONFIG_INVALID for `variable`, which the setting `when` makes required. */
function required(variable: string, when: string, detail: string): AppError {
  return new AppError('CONFIG_INVALID', `配置无效: ${detail}`, {
    issues: [{ path: variable, message: `required when ${when}` }],
  });
}

/**
 * The database of STORE=postgres. loadConfig refuses that store without DATABASE_URL; the store
 * opener asks here too, for configurations built in code.
 */
export function postgresUrl(config: Pick<Config, 'databaseUrl'>): string {
  if (!config.databaseUrl)
    throw required('DATABASE_URL', 'STORE=postgres', 'STORE=postgres 需要 DATABASE_URL');
  return config.databaseUrl;
}

/** Reads and validates the configuration; throws CONFIG_INVALID naming each bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const parsed = configSchema.safeParse(fromEnv(env));
  if (parsed.success) {
    const config = parsed.data;
    if (config.store === 'postgres') postgresUrl(config);
    if (config.trustProxyHops > 0 && config.trustedProxies.length === 0) {
      const detail = 'TRUST_PROXY_HOPS 需要 TRUSTED_PROXIES（代理的地址或网段）';
      throw required('TRUSTED_PROXIES', 'TRUST_PROXY_HOPS > 0', detail);
    }
    return config;
  }
  const issues = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.');
    return { path: ENV_VARIABLES[key] ?? key, message: issue.message };
  });
  const lines = issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
  throw new AppError('CONFIG_INVALID', `配置无效 (invalid configuration):\n${lines}`, { issues });
}
