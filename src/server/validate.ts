import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type Issue } from '../errors.js';

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
  const raw = await c.req.text();
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
