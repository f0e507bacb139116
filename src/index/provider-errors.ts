import { APIConnectionError, APIConnectionTimeoutError } from 'openai';
import { AppError, isAppError } from '../errors.js';

/**
 * Translates an error from an OpenAI-compatible client (the `openai` SDK, possibly re-wrapped by
 * LangChain) into an `AppError`, by HTTP status and error class — never by message text — with the
 * original attached as `cause`. `what` names the call for the message, e.g. '嵌入服务 (embeddings)'.
 * Usable by every OpenAI-compatible adapter (embeddings here, chat in `answer/`).
 */
export function toProviderError(err: unknown, what: string): AppError {
  if (isAppError(err)) return err;
  const status = statusOf(err);
  if (status === 401 || status === 403) {
    return new AppError('PROVIDER_AUTH', `${what}: 鉴权失败 (HTTP ${status}), 请检查 API key`, {
      cause: err,
    });
  }
  if (status === 429) {
    return new AppError('PROVIDER_RATE_LIMITED', `${what}: 请求被限流 (HTTP 429)`, { cause: err });
  }
  // LangChain replaces the SDK's timeout error with a plain Error named 'TimeoutError'.
  if (err instanceof APIConnectionTimeoutError || nameOf(err) === 'TimeoutError' || status === 408) {
    return new AppError('PROVIDER_TIMEOUT', `${what}: 请求超时 (timeout)`, { cause: err });
  }
  if (status !== undefined && status >= 500) {
    return new AppError('PROVIDER_UNAVAILABLE', `${what}: 服务端错误 (HTTP ${status})`, { cause: err });
  }
  if (err instanceof APIConnectionError || status === undefined) {
    return new AppError('PROVIDER_UNAVAILABLE', `${what}: 无法连接服务 (connection failed)`, { cause: err });
  }
  return new AppError('PROVIDER_BAD_RESPONSE', `${what}: 请求被拒绝 (HTTP ${status})`, { cause: err });
}

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'status' in err) {
    const s = (err as { status: unknown }).status;
    if (typeof s === 'number') return s;
  }
  return undefined;
}

function nameOf(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}
