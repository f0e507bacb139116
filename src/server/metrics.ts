import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';

/** GET /metrics — Prometheus text exposition format 0.0.4. */
export function metricsRoutes({ metrics }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/metrics', (c) => {
    c.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(metrics.render());
  });
  return app;
}
