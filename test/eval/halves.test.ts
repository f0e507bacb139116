import { describe, expect, it } from 'vitest';
import { halfOf, splitHalves } from '../../src/eval/halves.js';
import type { ItemRow } from '../../src/eval/item-score.js';
import { formatCategoryTable } from '../../src/eval/terminal-summary.js';

// Expected halves computed independently (Python hashlib.sha1(id.encode()).hexdigest()[0]).
describe('halfOf', () => {
  it('puts an id in tune when the first hex digit of its SHA-1 is 0–7, else in check', () => {
    expect(halfOf('seed-dev-001')).toBe('tune'); // 0…
    expect(halfOf('cqd-017')).toBe('check'); // a…
    expect(halfOf('a')).toBe('check'); // 8…
    expect(halfOf('政务')).toBe('tune'); // 6… (UTF-8 bytes, not UTF-16)
  });

  it('splits a set roughly in half', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `item-${i}`);
    const tune = ids.filter((id) => halfOf(id) === 'tune').length;
    expect(tune).toBeGreaterThan(150);
    expect(tune).toBeLessThan(250);
  });
});

function row(id: string, category: string, rank: number | null, refused = false): ItemRow {
  const hit = rank !== null && rank <= 5 ? 1 : 0;
  return {
    id,
    file: 'gold.jsonl',
    question: id,
    category,
    answerable: true,
    refused,
    rank,
    sameDocumentRank: rank,
    evidence: [],
    retrieved: [],
    answer: { text: '', refused, provider: 'extractive', citations: [] },
    misses: [],
    metrics: { 'hit@5': { pass: hit === 1, score: hit, reason: '' } },
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
  };
}

describe('splitHalves', () => {
  it('summarises each half on its own items only', () => {
    // seed-dev-001 is tune, cqd-017 and a are check.
    const items = [
      row('seed-dev-001', 'fact', 1),
      row('cqd-017', 'colloquial', null, true),
      row('a', 'fact', 2),
    ];
    const halves = splitHalves(items);
    expect(halves.tune.summary.items).toBe(1);
    expect(halves.tune.summary.retrieval['hit@5']).toBe(1);
    expect(halves.check.summary.items).toBe(2);
    expect(halves.check.summary.retrieval['hit@5']).toBe(0.5);
    expect(halves.check.summary.refusal.falseRefusalRate).toBe(0.5);
    expect(halves.check.byCategory.colloquial['hit@5 same doc']).toBe(0);
    expect(halves.check.byCategory.fact['hit@5 same doc']).toBe(1);
    expect(halves.tune.byCategory.colloquial).toBeUndefined();

    const table = formatCategoryTable(halves);
    expect(table).toMatch(/colloquial\s+–\s+1/); // no tune item, one check item
  });
});
