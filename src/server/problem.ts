import type { Context } from 'hono';
import { AppError, ERROR_TABLE, type ErrorCode, type Issue, isAppError } from '../errors.js';
import type { Logger } from '../log/logger.js';

/** An RFC 9457 problem body, rendered from the one error table in `src/errors.ts`. */
export interface Problem {
  type: string;
  code: ErrorCode;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  issues?: Issue[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable URI per code; documentation anchors rather than resolvable pages. */
const typeUri = (code: ErrorCode) =>
  `https://zhengwu-assistant.local/problems/${code.toLowerCase().replace(/_/g, '-')}`;

const GENERIC_DETAIL = '服务内部错误，请稍后再试。(An internal error occurred.)';

/**
 * Turns any thrown value into a problem body. Only AppError details reach the client; anything
 * else becomes a generic INTERNAL problem so no internals (paths, SQL, stack) leak.
 */
export function toProblem(err: unknown, requestId?: string): Problem {
  if (isAppError(err)) {
    const entry = ERROR_TABLE[err.code];
    const problem: Problem = {
      type: typeUri(err.code),
      code: err.code,
      title: entry.title,
      status: entry.status,
      detail: err.code === 'INTERNAL' ? GENERIC_DETAIL : err.message,
      requestId,
    };
    if (err.issues?.length) problem.issues = err.issues;
    return problem;
  }
  return {
    type: typeUri('INTERNAL'),
    code: 'INTERNAL',
    title: ERROR_TABLE.INTERNAL.title,
    status: ERROR_TABLE.INTERNAL.status,
    detail: GENERIC_DETAIL,
    requestId,
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** The app's single `onError`: logs server-side failures with their cause, answers problem+json. */
export function createErrorHandler(getLogger: (c: Context) => Logger) {
  return (err: Error, c: Context): Response => {
    const requestId = c.get('requestId') as string | undefined;
    const problem = toProblem(err, requestId);
    const log = getLogger(c);
    // Unknown failures are bugs: logged with cause and stack. Typed 5xx (index loading, provider
    // down) are operational: a warning without stack.
    if (problem.code === 'INTERNAL' || problem.code === 'INDEX_CORRUPT')
      log.error('request failed', { code: problem.code, err });
    else if (problem.status >= 500)
      log.warn('request failed', { code: problem.code, detail: problem.detail });
    else log.info('request rejected', { code: problem.code, detail: problem.detail });
    return problemResponse(problem, isAppError(err) ? err.headers : undefined);
  };
}

export function notFoundProblem(c: Context): Response {
  const requestId = c.get('requestId') as string | undefined;
  const err = new AppError('NOT_FOUND', `没有这个地址: ${c.req.method} ${c.req.path}`);
  return problemResponse(toProblem(err, requestId));
}
