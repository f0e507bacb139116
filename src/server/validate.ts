import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type Issue, isAppError } from '../errors.js';

/** zod issues → the `{ path, message }` list every validation problem carries. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `${what}无效 (invalid ${what})`, {
      issues: toIssues(parsed.error),
    });
  }
  return parsed.data;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const isJsonType = (contentType: string | undefined) =>
  !!contentType && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

/**
 * Reads a JSON body and validates it. A body that is not declared as JSON is rejected with 415
 * (otherwise a validator would happily validate `{}`), and unparsable JSON with 400.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!isJsonType(c.req.header('content-type'))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 JSON (Content-Type: application/json)');
  }
  // Decoded strictly: invalid UTF-8 would otherwise turn silently into U+FFFD and be searched.
  let raw: string;
  try {
    raw = strictUtf8.decode(await c.req.arrayBuffer());
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    throw new AppError('BAD_REQUEST', '请求体不是有效的 UTF-8 文本 (invalid UTF-8 in the body)', { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('BAD_REQUEST', '请求体不是有效的 JSON (malformed JSON)');
  }
  return validate(schema, value, '请求体');
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return validate(schema, c.req.query(), '查询参数');
}

export { isJsonType };
