import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.js';

/** GET /metrics — Prometheus text exposition format 0.0.4. */
export function metricsRoutes({ metrics }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/metrics', async (c) => {
    const body = await metrics.render();
    c.header('content-type', metrics.contentType);
    return c.body(body);
  });
  return app;
}
