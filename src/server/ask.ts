import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { createAskStep } from '../answer/ask-step.js';
import type { Answer, Retrieval } from '../domain.js';
import { AppError } from '../errors.js';
import { formatHeadingPath } from '../text/citation-text.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { toMetaFilter } from './filters.js';
import { toProblem } from './problem.js';
import { AskRequestSchema, type AskResponseSchema, type AskStreamMetaSchema } from './schemas.js';
import { readJson } from './validate.js';

type AskResponse = z.infer<typeof AskResponseSchema>;
type AskStreamMeta = z.infer<typeof AskStreamMetaSchema>;

const round = (ms: number) => Math.round(ms * 10) / 10;
const ms = (from: number, to: number) => round(to - from);

/**
 * POST /api/ask — rewrite a follow-up into a standalone question, retrieve, answer. JSON by default;
 * with `Accept: text/event-stream` the answer streams as `meta`, `delta`…, `citations`, `done`
 * (or `error` with a problem body once the stream has begun). A client that goes away aborts the
 * upstream model request.
 */
export function askRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, state, metrics, conversations, rewriter, feedback } = deps;
  const app = new Hono<AppEnv>();

  app.post('/api/ask', async (c) => {
    const body = await readJson(c, AskRequestSchema);
    if (body.question.length > config.maxQuestionChars) {
      throw new AppError('VALIDATION_FAILED', '问题过长 (question too long)', {
        issues: [{ path: 'question', message: `不能超过 ${config.maxQuestionChars} 个字符` }],
      });
    }
    const { assistant, answerer } = state.require();
    const requestId = c.get('requestId');
    const log = c.get('log');
    // Only an id this service issued (signed) continues a conversation; anything else
    // (client-chosen, forged) starts a new conversation under a new id.
    const continued = body.conversationId !== undefined && conversations.isIssued(body.conversationId);
    const conversationId = continued ? (body.conversationId as string) : conversations.issue();
    const newConversation = body.conversationId !== undefined && !continued ? true : undefined;
    const abort = new AbortController();
    const clientSignal = c.req.raw.signal;
    if (clientSignal) clientSignal.addEventListener('abort', () => abort.abort(), { once: true });

    const step = createAskStep({
      retriever: assistant.retriever,
      answerer,
      rewriter,
      answerK: config.retrievalK,
    });
    const prepared = await step.prepare({
      question: body.question,
      history: continued ? conversations.history(conversationId) : [],
      filters: body.filters ? toMetaFilter(body.filters) : undefined,
      signal: abort.signal,
    });
    const { rewrite, retrieval } = prepared;
    const { rewriteMs, retrieveMs } = prepared.timings;
    const t2 = performance.now();
    metrics.retrievalSeconds.observe({}, retrieveMs / 1000);

    const finish = (answer: Answer): AskResponse => {
      const t3 = performance.now();
      metrics.answerSeconds.observe({ provider: answer.provider }, (t3 - t2) / 1000);
      if (answer.refused) metrics.refusals.inc({ provider: answer.provider });
      if (!answer.grounded) metrics.ungrounded.inc({ provider: answer.provider });
      feedback.answered.remember(requestId);
      conversations.append(conversationId, {
        question: body.question,
        standalone: rewrite.question,
        answer: answer.answer,
      });
      log.info('answered', {
        provider: answer.provider,
        refused: answer.refused,
        grounded: answer.grounded,
        citations: answer.citations.length,
        relevant: retrieval.relevant,
        rewrittenBy: rewrite.by,
        fallbackReason: answer.fallbackReason,
      });
      return {
        answer: answer.answer,
        refused: answer.refused,
        grounded: answer.grounded,
        citations: answer.citations,
        conversationId,
        newConversation,
        requestId,
        rewrittenQuestion: rewrite.rewritten ? rewrite.question : undefined,
        provider: answer.provider,
        fallbackReason: answer.fallbackReason,
        timings: {
          rewriteMs: round(rewriteMs),
          retrieveMs: round(retrieveMs),
          answerMs: ms(t2, t3),
          totalMs: round(rewriteMs + retrieveMs + (t3 - t2)),
        },
      };
    };

    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      const answer = await step.answer(prepared, abort.signal);
      return c.json(finish(answer));
    }

    return streamSSE(c, async (stream) => {
      stream.onAbort(() => {
        log.info('client disconnected; aborting answer');
        abort.abort();
      });
      const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
      await send('meta', { ...streamMeta(requestId, conversationId, rewrite, retrieval), newConversation });
      try {
        let final: Answer | undefined;
        for await (const event of step.stream(prepared, abort.signal)) {
          if (abort.signal.aborted) return;
          if (event.type === 'delta') await send('delta', { text: event.text });
          else final = event.answer;
        }
        if (!final) throw new AppError('INTERNAL', 'answer stream ended without a final answer');
        const response = finish(final);
        await send('citations', {
          citations: response.citations,
          grounded: response.grounded,
          refused: response.refused,
          fallbackReason: response.fallbackReason,
        });
        await send('done', response);
      } catch (err) {
        if (abort.signal.aborted) return;
        const problem = toProblem(err, requestId);
        if (problem.status >= 500) log.error('answer stream failed', { code: problem.code, err });
        await send('error', problem);
      }
    });
  });

  return app;
}

function streamMeta(
  requestId: string,
  conversationId: string,
  rewrite: { question: string; rewritten: boolean },
  retrieval: Retrieval,
): AskStreamMeta {
  return {
    requestId,
    conversationId,
    rewrittenQuestion: rewrite.rewritten ? rewrite.question : undefined,
    sources: retrieval.passages.map((p, i) => ({
      n: i + 1,
      docId: p.chunk.docId,
      title: p.meta.title,
      headingPath: formatHeadingPath(p.chunk.headingPath),
      score: p.score,
    })),
  };
}
