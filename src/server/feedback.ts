import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { FeedbackRequestSchema, type FeedbackResponseSchema } from './schemas.js';
import { readJson } from './validate.js';

type FeedbackBody = z.infer<typeof FeedbackResponseSchema>;

/**
 * POST /api/feedback — a rating of one answer, by the request id of that answer. Only answers this
 * service gave recently can be rated (400 otherwise); a second rating of one answer replaces the
 * first (200 with `replaced: true`; the first is 201). Rate-limited per client in app.ts.
 */
export function feedbackRoutes({ feedback, metrics }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/api/feedback', async (c) => {
    const body = await readJson(c, FeedbackRequestSchema);
    if (!feedback.answered.has(body.requestId)) {
      throw new AppError('VALIDATION_FAILED', '只能评价本服务最近给出的回答 (unknown requestId)', {
        issues: [{ path: 'requestId', message: '不是最近一次回答的请求编号' }],
      });
    }
    const { id, replaced } = feedback.add(body);
    metrics.feedback.inc({ rating: body.rating });
    const response: FeedbackBody = { id, stored: true, replaced };
    return c.json(response, replaced ? 200 : 201);
  });
  return app;
}
