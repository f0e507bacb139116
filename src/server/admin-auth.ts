import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Bearer-token check for /api/admin/*. Tokens are compared as SHA-256 digests with
 * `timingSafeEqual`, so neither content nor length leaks through timing. With no token configured
 * the admin routes do not exist (404), rather than being open.
 */
export function adminAuth(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    if (!expected) throw new AppError('NOT_FOUND', `没有这个地址: ${c.req.method} ${c.req.path}`);
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]), expected)) {
      throw new AppError('UNAUTHORIZED', '需要有效的管理令牌 (Authorization: Bearer …)', {
        headers: { 'www-authenticate': 'Bearer realm="admin"' },
      });
    }
    return next();
  };
}
