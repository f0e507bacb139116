import { describe, expect, it } from 'vitest';
import { splitHalves } from '../../src/eval/halves.js';
import type { ItemRow, RetrievedRow } from '../../src/eval/item-score.js';
import { missesByKind, missKind } from '../../src/eval/miss-kinds.js';
import { formatMissKindTable } from '../../src/eval/terminal-summary.js';

function passage(rank: number, docId: string, coversEvidence = false): RetrievedRow {
  return { rank, docId, title: docId, heading: '', start: 0, end: 1, head: '', coversEvidence };
}

/** An answerable item whose evidence is in document `gold`; `recall` undefined means no key points. */
function item(
  id: string,
  opts: {
    answerable?: boolean;
    refused?: boolean;
    recall?: number;
    retrieved?: RetrievedRow[];
    sameDocumentRank?: number | null;
    error?: string;
  } = {},
): ItemRow {
  const { answerable = true, refused = false, recall, retrieved = [], sameDocumentRank = null } = opts;
  return {
    id,
    file: 'gold.jsonl',
    question: id,
    category: 'colloquial',
    answerable,
    refused,
    rank: sameDocumentRank,
    sameDocumentRank,
    evidence: answerable ? [{ doc: 'gold', quote: '条文', found: 'exact', start: 0, end: 2 }] : [],
    retrieved,
    answer: { text: '', refused, provider: 'extractive', citations: [] },
    misses: [],
    metrics: recall === undefined ? {} : { keyPointRecall: { pass: recall >= 1, score: recall, reason: '' } },
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    ...(opts.error ? { error: opts.error } : {}),
  };
}

describe('missKind', () => {
  it('is undefined for a full answer, a refused unanswerable question and an item that failed', () => {
    expect(
      missKind(item('a', { recall: 1, retrieved: [passage(1, 'gold', true)], sameDocumentRank: 1 })),
    ).toBe(undefined);
    expect(missKind(item('b', { answerable: false, refused: true }))).toBe(undefined);
    expect(missKind(item('c', { refused: true, error: 'boom' }))).toBe(undefined);
    // No key points to check and not refused: nothing to blame.
    expect(missKind(item('d', { retrieved: [passage(1, 'other')] }))).toBe(undefined);
  });

  it('names an answered unanswerable question', () => {
    expect(missKind(item('u', { answerable: false, refused: false }))).toBe('answered-unanswerable');
  });

  it('says the document was not retrieved, refused or not', () => {
    const others = [passage(1, 'other'), passage(2, 'third')];
    expect(missKind(item('r', { refused: true, retrieved: others }))).toBe('document-not-found');
    expect(missKind(item('w', { recall: 0, retrieved: others }))).toBe('document-not-found');
  });

  it('counts a copy of the evidence document as retrieved', () => {
    const copy = { ...passage(1, 'other'), copies: [{ docId: 'gold', title: 'gold', start: 0, end: 1 }] };
    expect(missKind(item('c', { refused: true, retrieved: [copy] }))).toBe('refused-document-found');
  });

  it('tells a refusal with the document retrieved from an answer quoting another passage', () => {
    const found = [passage(1, 'other'), passage(2, 'gold', true)];
    expect(missKind(item('r', { refused: true, retrieved: found, sameDocumentRank: 2 }))).toBe(
      'refused-document-found',
    );
    expect(missKind(item('o', { recall: 0.5, retrieved: found, sameDocumentRank: 2 }))).toBe('other-passage');
    // The right document first, but not its evidence passage.
    const sameDoc = [passage(1, 'gold'), passage(2, 'gold', true)];
    expect(missKind(item('s', { recall: 0, retrieved: sameDoc, sameDocumentRank: 2 }))).toBe('other-passage');
  });

  it('blames the composition when the evidence passage came first', () => {
    const first = [passage(1, 'gold', true)];
    expect(missKind(item('p', { recall: 0.5, retrieved: first, sameDocumentRank: 1 }))).toBe('points-missed');
  });
});

describe('missesByKind and the halves', () => {
  it('lists the ids of each kind, every kind present, and splits them by half', () => {
    const items = [
      item('seed-dev-001', { refused: true, retrieved: [passage(1, 'other')] }), // tune
      item('cqd-017', { answerable: false }), // check
      item('a', { recall: 0.5, retrieved: [passage(1, 'gold', true)], sameDocumentRank: 1 }), // check
    ];
    const all = missesByKind(items);
    expect(all['document-not-found']).toEqual(['seed-dev-001']);
    expect(all['answered-unanswerable']).toEqual(['cqd-017']);
    expect(all['points-missed']).toEqual(['a']);
    expect(all['other-passage']).toEqual([]);
    expect(all['refused-document-found']).toEqual([]);

    const halves = splitHalves(items);
    expect(halves.tune.missKinds['document-not-found']).toEqual(['seed-dev-001']);
    expect(halves.check.missKinds['document-not-found']).toEqual([]);
    expect(halves.check.missKinds['points-missed']).toEqual(['a']);

    const table = formatMissKindTable(halves);
    const line = table.split('\n').find((l) => l.startsWith('document not retrieved'));
    expect(line?.trim().split(/\s+/).slice(-2)).toEqual(['1', '0']);
  });
});
