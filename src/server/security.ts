import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * Default Content-Security-Policy: our own scripts and styles only, no framing by other sites.
 * The web pages use no inline script or style (the widget adopts constructed stylesheets).
 */
export const DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Security headers on every response; a route may set its own CSP first (it is kept). */
export function securityHeaders(csp: string = DEFAULT_CSP): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    if (!h.has('X-Frame-Options')) h.set('X-Frame-Options', 'SAMEORIGIN');
    h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  };
}

/**
 * CORS for /api/* limited to the configured origins (the government sites embedding the widget).
 * An empty list means same-origin only: no CORS headers are sent.
 */
export function corsAllowlist(origins: string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has('*') || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
}
