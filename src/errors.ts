/**
 * One table from error code to HTTP status and title. Every failure the product reports is an
 * `AppError` with one of these codes; the server renders it as application/problem+json.
 */
export const ERROR_TABLE = {
  BAD_REQUEST: { status: 400, title: '请求格式错误 (Bad request)' },
  VALIDATION_FAILED: { status: 400, title: '请求参数无效 (Validation failed)' },
  UNAUTHORIZED: { status: 401, title: '需要管理令牌 (Unauthorized)' },
  FORBIDDEN: { status: 403, title: '无权访问 (Forbidden)' },
  NOT_FOUND: { status: 404, title: '未找到 (Not found)' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '请求体过大 (Payload too large)' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的内容类型 (Unsupported media type)' },
  RATE_LIMITED: { status: 429, title: '请求过于频繁 (Too many requests)' },
  INDEX_NOT_READY: { status: 503, title: '索引尚未就绪 (Index not ready)' },
  INDEX_LOCKED: { status: 503, title: '索引正被另一写入者占用 (Index locked by another writer)' },
  INDEX_MISMATCH: { status: 500, title: '索引配置不匹配 (Index configuration mismatch)' },
  INDEX_CORRUPT: { status: 500, title: '索引文件损坏 (Index corrupt)' },
  DOCUMENT_UNREADABLE: { status: 422, title: '文档无法读取 (Document unreadable)' },
  PROVIDER_AUTH: { status: 502, title: '模型服务鉴权失败 (Provider auth failed)' },
  PROVIDER_RATE_LIMITED: { status: 503, title: '模型服务限流 (Provider rate limited)' },
  PROVIDER_TIMEOUT: { status: 504, title: '模型服务超时 (Provider timeout)' },
  PROVIDER_UNAVAILABLE: { status: 502, title: '模型服务不可用 (Provider unavailable)' },
  PROVIDER_BAD_RESPONSE: { status: 502, title: '模型服务响应无效 (Provider bad response)' },
  CONFIG_INVALID: { status: 500, title: '配置无效 (Invalid configuration)' },
  INTERNAL: { status: 500, title: '服务内部错误 (Internal error)' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** One problem in a request or a config, e.g. `{ path: 'question', message: '不能为空' }`. */
export interface Issue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues?: Issue[];
  /** Extra response headers, e.g. Retry-After for RATE_LIMITED. */
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { cause?: unknown; issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_TABLE[code].status;
    this.issues = options.issues;
    this.headers = options.headers;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
