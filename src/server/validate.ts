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

/**
 * A strict decoder for the body's declared charset (UTF-8 when none is declared). A charset the
 * platform decodes (gbk, gb18030, big5 … the WHATWG labels) is honoured (issue 14 item 10: a
 * `charset=gbk` body used to be read as UTF-8); any other is refused with 415.
 */
function decoderFor(contentType: string): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的字符集 ${charset.slice(0, 40)}，请使用 UTF-8 (unsupported charset)`,
    );
  }
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
  // Decoded strictly: invalid bytes would otherwise turn silently into U+FFFD and be searched.
  const decoder = decoderFor(c.req.header('content-type') ?? '');
  let raw: string;
  try {
    raw = decoder.decode(await c.req.arrayBuffer());
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    const what = decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding;
    throw new AppError('BAD_REQUEST', `请求体不是有效的 ${what} 文本 (invalid ${what} in the body)`, {
      cause,
    });
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
