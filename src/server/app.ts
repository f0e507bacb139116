import { type Context, Hono } from 'hono';
import { adminRoutes } from './admin.js';
import { adminAuth } from './admin-auth.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { askRoutes } from './ask.js';
import { limitBody } from './body-limit.js';
import { clientAddress, proxyMatcher } from './client-address.js';
import { documentRoutes } from './documents.js';
import { feedbackRoutes } from './feedback.js';
import { healthRoutes } from './health.js';
import { metricsRoutes } from './metrics.js';
import { buildOpenApi, openApiRoutes } from './openapi.js';
import { createErrorHandler, notFoundProblem } from './problem.js';
import { rateLimit } from './rate-limit.js';
import { requestContext } from './request-context.js';
import { searchRoutes } from './search.js';
import { corsAllowlist, securityHeaders } from './security.js';

export interface CreateAppOptions {
  /** Static pages (citizen widget, staff console, demo), mounted at '/'. */
  web?: Hono;
  /** Overrides the default Content-Security-Policy (security.ts). */
  contentSecurityPolicy?: string;
}

const isUpload = (method: string, path: string) => method === 'POST' && path === '/api/admin/documents';

/**
 * The HTTP application. Middleware order: request id and access log first (so every response,
 * errors included, carries X-Request-Id and is counted), then security headers, CORS on /api/*,
 * admin auth on /api/admin/*, body limits, rate limits; one `onError` renders every failure as
 * problem+json.
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Hono<AppEnv> {
  const { config, logger, metrics } = deps;
  const app = new Hono<AppEnv>();

  app.use('*', requestContext(logger, metrics));
  app.use('*', securityHeaders(options.contentSecurityPolicy));
  app.use('/api/*', corsAllowlist(config.corsOrigins));
  // Before the body limits: a chunked upload is buffered by the limiter, and only an admin may
  // make the service buffer up to maxUploadBytes.
  app.use('/api/admin/*', adminAuth(config.adminToken));
  const jsonLimit = limitBody(config.maxBodyBytes);
  const uploadLimit = limitBody(config.maxUploadBytes);
  app.use('/api/*', (c, next) =>
    isUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next),
  );
  const isTrustedProxy = proxyMatcher(config.trustedProxies);
  const keyOf = (c: Context) => clientAddress(c, config.trustProxyHops, isTrustedProxy);
  const limiter = rateLimit({ limit: config.rateLimitPerMinute, keyOf });
  app.use('/api/ask', limiter);
  app.use('/api/search', limiter);
  // Feedback has its own budget of the same size, so rating answers never costs a citizen a question.
  app.use('/api/feedback', rateLimit({ limit: config.rateLimitPerMinute, keyOf }));

  for (const routes of [
    healthRoutes,
    metricsRoutes,
    askRoutes,
    searchRoutes,
    documentRoutes,
    feedbackRoutes,
    adminRoutes,
  ]) {
    app.route('/', routes(deps));
  }
  if (options.web) app.route('/', options.web);
  app.route(
    '/',
    openApiRoutes(() => app.routes),
  );
  // Fails here, at start-up and in every app test, when a route has no OpenAPI description.
  buildOpenApi(app.routes);

  app.notFound(notFoundProblem);
  app.onError(createErrorHandler((c) => (c.get('log') as AppEnv['Variables']['log'] | undefined) ?? logger));
  return app;
}
