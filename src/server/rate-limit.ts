import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { socketAddress } from './client-address.js';

export interface RateLimitOptions {
  /** Requests per client per window; 0 disables limiting. */
  limit: number;
  /** Window length in ms. Default one minute (config.rateLimitPerMinute). */
  windowMs?: number;
  /** Identifies the client; default: the socket's remote address (see client-address.ts). */
  keyOf?: (c: Context) => string;
  now?: () => number;
}

/** Upper bound on tracked clients, so a flood of addresses cannot grow memory without limit. */
const MAX_CLIENTS = 50_000;

/** Fixed-window limiter per client, in memory (one process). Answers 429 with Retry-After. */
export function rateLimit({
  limit,
  windowMs = 60_000,
  keyOf = socketAddress,
  now = Date.now,
}: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (limit <= 0) return next();
    const t = now();
    const key = keyOf(c);
    let w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      if (windows.size >= MAX_CLIENTS) windows.clear();
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > limit) {
      const retry = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
      throw new AppError('RATE_LIMITED', `请求过于频繁，请 ${retry} 秒后再试`, {
        headers: { 'retry-after': String(retry) },
      });
    }
    return next();
  };
}
