import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../src/eval/gold.js';

const root = join(import.meta.dirname, '..', '..');
/** The blind sets written from the documents only (docs/evaluation.md). */
const SETS = [
  'fresh-qd',
  'fresh-qd2',
  'fresh-qd3',
  'fresh-qd4',
  'fresh-qd5',
  'fresh-qd6',
  'fresh-qd7',
  'fresh-qd8',
  'fresh-qd9',
  'fresh-qd10',
  'fresh-qd11',
  'fresh-qd12',
  'fresh-qd13',
  'fresh-qd14',
  'fresh-qd15',
  'fresh-short',
  'fresh-sg',
  'fresh-sg2',
].map((s) => join(root, 'eval', `${s}.jsonl`));
/** The shared corpus the sets quote, read at run time (../shared/corpus). */
const CORPUS = join(root, '..', 'shared', 'corpus');
const present = existsSync(join(CORPUS, 'manifest.jsonl'));
if (!present) console.warn(`[blind-sets.test] quote check SKIPPED: shared corpus not found at ${CORPUS}`);

describe('the blind eval sets', () => {
  it('load with the gold schema, ids unique across the sets, unanswerable items without evidence', async () => {
    const items = await loadGold(SETS);
    expect(items.length).toBeGreaterThanOrEqual(990);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.filter((i) => !i.answerable).every((i) => i.evidence.length === 0)).toBe(true);
    expect(items.filter((i) => i.answerable).every((i) => i.key_points.length > 0)).toBe(true);
  });

  it.skipIf(!present)(
    'quote their documents exactly: every evidence quote and key point is a span',
    async () => {
      const files = new Map<string, string>();
      for (const line of readFileSync(join(CORPUS, 'manifest.jsonl'), 'utf8').trim().split('\n')) {
        const row = JSON.parse(line) as { id: string; file: string };
        files.set(row.id, row.file);
      }
      const problems: string[] = [];
      for (const item of await loadGold(SETS)) {
        const texts = item.evidence.map((e) => {
          const file = files.get(e.doc);
          return file ? readFileSync(join(CORPUS, file), 'utf8').replace(/\r\n/g, '\n') : '';
        });
        item.evidence.forEach((e, i) => {
          if (!texts[i].includes(e.quote)) problems.push(`${item.id}: quote not in ${e.doc}`);
        });
        for (const k of item.key_points) {
          if (!texts.some((t) => t.includes(k)))
            problems.push(`${item.id}: key point not in its documents: ${k}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
