import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Questions from a file: JSON Lines with a `question` field (the gold schema) or, for any other
 * file, one question a line. Blank lines are skipped.
 */
export function parseQuestions(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('{')) {
      const q = (JSON.parse(line) as { question?: unknown }).question;
      if (typeof q === 'string' && q.trim()) out.push(q.trim());
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The questions of every `*-dev.jsonl` gold set in `dir` (file names sorted, so the order is stable). */
export async function devQuestions(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('-dev.jsonl')).sort();
  const out: string[] = [];
  for (const f of files) out.push(...parseQuestions(await readFile(join(dir, f), 'utf8')));
  return out;
}
