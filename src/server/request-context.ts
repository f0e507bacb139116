import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log/logger.js';
import type { AppEnv } from './app-env.js';
import type { ServiceMetrics } from './metrics-registry.js';

/** An incoming X-Request-Id is kept only if it is short and plain (it goes into logs). */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request id (taken from X-Request-Id or generated, echoed back), a logger bound to it, one access
 * log line, and the request counter and latency histogram labelled by route pattern (not raw path,
 * which would give one series per document id).
 */
export function requestContext(logger: Logger, metrics: ServiceMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const seconds = (performance.now() - started) / 1000;
    const matched = routePath(c, -1);
    const route = c.res.status === 404 && (matched === '*' || matched === '/*') ? 'unmatched' : matched;
    const status = String(c.res.status);
    metrics.requests.inc({ route, method: c.req.method, status });
    metrics.requestSeconds.observe({ route }, seconds);
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
    });
  };
}
