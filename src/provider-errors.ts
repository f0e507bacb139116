import { AppError } from './errors.js';

/**
 * Translates a chat/embedding vendor failure into an AppError by HTTP status or error class, never
 * by message text: 401/403 → PROVIDER_AUTH, 429 → PROVIDER_RATE_LIMITED, timeouts → PROVIDER_TIMEOUT,
 * 5xx and network failures → PROVIDER_UNAVAILABLE. The original error is kept as `cause`.
 */
export function translateProviderError(err: unknown, provider: string): AppError {
  if (err instanceof AppError) return err;
  const status = findStatus(err);
  const names = errorNames(err);
  const cause = err;
  if (status === 401 || status === 403) {
    return new AppError('PROVIDER_AUTH', `${provider}: 模型服务拒绝了 API 密钥 (HTTP ${status})`, { cause });
  }
  if (status === 429)
    return new AppError('PROVIDER_RATE_LIMITED', `${provider}: 模型服务限流 (HTTP 429)`, { cause });
  if (status === 408 || names.some((n) => n === 'TimeoutError' || n === 'APIConnectionTimeoutError')) {
    return new AppError('PROVIDER_TIMEOUT', `${provider}: 模型服务响应超时`, { cause });
  }
  if (status !== undefined && status >= 500) {
    return new AppError('PROVIDER_UNAVAILABLE', `${provider}: 模型服务出错 (HTTP ${status})`, { cause });
  }
  if (status !== undefined && status >= 400) {
    return new AppError('PROVIDER_BAD_RESPONSE', `${provider}: 模型服务拒绝了请求 (HTTP ${status})`, {
      cause,
    });
  }
  if (names.some((n) => n === 'AbortError' || n === 'APIUserAbortError')) {
    // The caller aborted (client went away); still typed so no raw error leaks.
    return new AppError('PROVIDER_TIMEOUT', `${provider}: 请求已取消`, { cause });
  }
  return new AppError('PROVIDER_UNAVAILABLE', `${provider}: 无法连接模型服务`, { cause });
}

function* chain(err: unknown): Generator<Record<string, unknown>> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

function findStatus(err: unknown): number | undefined {
  for (const e of chain(err)) {
    if (typeof e.status === 'number') return e.status;
    const response = e.response as { status?: unknown } | undefined;
    if (response && typeof response.status === 'number') return response.status;
  }
  return undefined;
}

function errorNames(err: unknown): string[] {
  const out: string[] = [];
  for (const e of chain(err)) {
    if (typeof e.name === 'string') out.push(e.name);
    const ctor = (e as { constructor?: { name?: string } }).constructor?.name;
    if (ctor) out.push(ctor);
  }
  return out;
}
