import { describe, expect, it } from 'vitest';
import { partSpans, questionParts } from '../../src/text/question-parts.js';

describe('question parts', () => {
  it('breaks at ？ ！ ； and at a comma before a new question word, offsets into the question', () => {
    const q = '材料要几份，需要原件吗？在哪办';
    const spans = partSpans(q);
    expect(spans.map(([a, b]) => q.slice(a, b))).toEqual(['材料要几份', '需要原件吗', '在哪办']);
    expect(questionParts(q)).toEqual(['材料要几份', '需要原件吗', '在哪办']);
  });
  it('keeps a scene and its ask together when the comma is not followed by a question word', () => {
    expect(questionParts('孩子想捡几个带回家孵，这样可以吗？')).toEqual(['孩子想捡几个带回家孵，这样可以吗']);
    expect(partSpans('')).toEqual([[0, 0]]);
  });
});
