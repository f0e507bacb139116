import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../src/eval/gold.js';

const root = join(import.meta.dirname, '..', '..');
const SEED_ID = '000_204df86a34e42382';

describe('the project gold set eval/seed-gold.jsonl', () => {
  it('is valid, every evidence quote is an exact substring of the seed, and key points are in the answers', async () => {
    const items = await loadGold([join(root, 'eval', 'seed-gold.jsonl')]);
    const seed = await readFile(join(root, 'seeds', `${SEED_ID}.txt`), 'utf8');
    expect(items.length).toBeGreaterThanOrEqual(25);
    const notFound = items.flatMap((i) =>
      i.evidence
        .filter((e) => e.doc !== SEED_ID || !seed.includes(e.quote))
        .map((e) => `${i.id}: ${e.quote}`),
    );
    expect(notFound).toEqual([]);
    const keyPointsOutsideAnswer = items.flatMap((i) =>
      i.key_points.filter((k) => !i.answer.includes(k)).map((k) => `${i.id}: ${k}`),
    );
    expect(keyPointsOutsideAnswer).toEqual([]);
  });

  it('covers the kinds of question the product must handle', async () => {
    const items = await loadGold([join(root, 'eval', 'seed-gold.jsonl')]);
    const categories = new Set(items.map((i) => i.category));
    for (const c of ['fact', 'number', 'list', 'colloquial', 'multi', 'unanswerable', 'injection']) {
      expect(categories).toContain(c);
    }
    expect(items.filter((i) => !i.answerable).every((i) => i.evidence.length === 0)).toBe(true);
  });
});
