import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, type Issue } from '../errors.js';

/** One piece of evidence: an exact substring (`quote`) of the raw text of document `doc`. */
export const evidenceSchema = z.object({
  doc: z.string().min(1),
  quote: z.string().min(1),
});

/** One gold question, in the schema of `../shared/eval/README.md`. Unknown keys are kept out. */
export const goldItemSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    answer: z.string(),
    key_points: z.array(z.string()),
    evidence: z.array(evidenceSchema),
    answerable: z.boolean(),
    category: z.string().min(1),
    source: z.string().optional(),
  })
  .refine((item) => !item.answerable || item.evidence.length > 0, {
    message: 'an answerable item needs at least one evidence quote',
    path: ['evidence'],
  });

export type GoldItem = z.infer<typeof goldItemSchema>;

/** A gold item with the file it came from (ids are unique only within a file). */
export interface LoadedGoldItem extends GoldItem {
  file: string;
}

/**
 * Parses JSON Lines text. Blank lines are skipped. Every bad line is reported as
 * `file:line: message`; duplicate ids within the file are errors too.
 */
export function parseGold(text: string, file: string): { items: LoadedGoldItem[]; errors: Issue[] } {
  const items: LoadedGoldItem[] = [];
  const errors: Issue[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const where = `${file}:${lineNo}`;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      errors.push({ path: where, message: `invalid JSON (${(err as Error).message})` });
      return;
    }
    const parsed = goldItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '(line)';
        errors.push({ path: where, message: `${field}: ${issue.message}` });
      }
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      errors.push({ path: where, message: `duplicate id "${parsed.data.id}" (first on line ${first})` });
      return;
    }
    seen.set(parsed.data.id, lineNo);
    items.push({ ...parsed.data, file });
  });
  return { items, errors };
}

/**
 * Reads gold files (JSON Lines). Collects the errors of all files, then throws one AppError
 * VALIDATION_FAILED whose message lists each as `file:line: message`.
 */
export async function loadGold(paths: string[]): Promise<LoadedGoldItem[]> {
  const all: LoadedGoldItem[] = [];
  const errors: Issue[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      errors.push({ path, message: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    const parsed = parseGold(text, path);
    all.push(...parsed.items);
    errors.push(...parsed.errors);
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new AppError('VALIDATION_FAILED', `gold file(s) invalid:\n${lines}`, { issues: errors });
  }
  return all;
}
