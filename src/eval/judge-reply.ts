import { z } from 'zod';
import { AppError } from '../errors.js';
import { head } from './metric.js';

/** A 1–5 integer; a numeric string ("4") is accepted because some models quote numbers. */
const rating = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*[1-5]\s*$/)
      .transform(Number),
  ])
  .pipe(z.number().int().min(1).max(5));

const verdict = z.object({ score: rating, reason: z.string().trim().min(1) });

/** The reply the rubric asks for (prompts/judge-system.md). Extra keys are ignored. */
export const judgeReplySchema = z.object({ faithfulness: verdict, relevance: verdict });

export type JudgeReply = z.infer<typeof judgeReplySchema>;

/**
 * The first balanced `{…}` in `text`, or undefined. Models wrap JSON in ``` fences or put a sentence
 * before it; scanning for the first object (strings and escapes respected) tolerates both without
 * guessing at the wrapper's format.
 */
export function firstJsonObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

/** Parses and validates a judge reply; throws PROVIDER_BAD_RESPONSE saying what was wrong. */
export function parseJudgeReply(text: string): JudgeReply {
  const json = firstJsonObject(text);
  if (json === undefined) {
    throw new AppError('PROVIDER_BAD_RESPONSE', `judge reply has no JSON object: "${head(text, 80)}"`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('PROVIDER_BAD_RESPONSE', `judge reply is not valid JSON: "${head(json, 80)}"`);
  }
  const parsed = judgeReplySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError(
      'PROVIDER_BAD_RESPONSE',
      `judge reply does not match the rubric: ${issues.join('; ')}`,
    );
  }
  return parsed.data;
}
