import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv } from './app-env.js';
import type { ReadyResponseSchema } from './schemas.js';

type Ready = z.infer<typeof ReadyResponseSchema>;

/** GET /healthz (the process answers) and GET /readyz (the index is loaded: 200, else 503). */
export function healthRoutes({ state }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' as const }));
  app.get('/readyz', async (c) => {
    const current = state.current;
    if (!current) {
      const body: Ready = {
        status: state.status === 'failed' ? 'failed' : 'loading',
        progress: state.progress,
      };
      // A load balancer or client retries after this; building a large index takes minutes.
      if (state.status !== 'failed') c.header('retry-after', '5');
      return c.json(body, 503);
    }
    const stats = await current.assistant.store.stats();
    const body: Ready = { status: 'ready', documents: stats.documents, chunks: stats.chunks };
    return c.json(body);
  });
  return app;
}
