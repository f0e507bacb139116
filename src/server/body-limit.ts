import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

/**
 * Rejects bodies over `maxBytes` with 413: at once when Content-Length says so, otherwise while the
 * body is read (chunked uploads), so an oversized request is never buffered whole.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const streaming = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `请求体超过 ${maxBytes} 字节上限`);
    },
  });
  return async (c, next) => {
    const declared = Number(c.req.header('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `请求体超过 ${maxBytes} 字节上限`);
    }
    return streaming(c, next);
  };
}
