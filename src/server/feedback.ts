import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppDeps, AppEnv } from './app-env.js';
import { FeedbackRequestSchema, type FeedbackResponseSchema } from './schemas.js';
import { readJson } from './validate.js';

type FeedbackBody = z.infer<typeof FeedbackResponseSchema>;

/** POST /api/feedback — a rating of one answer (by its request id), stored in SQLite. */
export function feedbackRoutes({ feedback, metrics }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/api/feedback', async (c) => {
    const body = await readJson(c, FeedbackRequestSchema);
    const id = feedback.add(body);
    metrics.feedback.inc({ rating: body.rating });
    const response: FeedbackBody = { id, stored: true };
    return c.json(response, 201);
  });
  return app;
}
