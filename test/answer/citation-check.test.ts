import { describe, expect, it } from 'vitest';
import { checkCitations, extractMarkers, splitSentences } from '../../src/answer/citation-check.js';
import { fakePassages } from '../fakes/fake-passages.js';

// fakePassages(): [1] 条件 (15平方米, 3000元), [2] 材料, [3] 时限 (20个工作日, 5个工作日), [4] 数字经济 12%, [5] 5G 4.5万
const passages = fakePassages();

describe('splitSentences / extractMarkers', () => {
  it('keeps markers that follow the full stop with their sentence', () => {
    const parts = splitSentences('需要身份证[2]。审核20个工作日。[3]\n另外[1][3]');
    expect(parts.map((s) => s.trim())).toEqual(['需要身份证[2]。', '审核20个工作日。[3]', '另外[1][3]']);
    expect(parts.join('')).toBe('需要身份证[2]。审核20个工作日。[3]\n另外[1][3]');
    expect(extractMarkers('见【1】和[2, 3]')).toEqual([1, 2, 3]);
  });
});

describe('checkCitations', () => {
  it('verifies sentences whose cited passage supports their words and numbers', () => {
    const r = checkCitations(
      '申请公租房需要携带身份证、户口簿、收入证明和住房情况证明[2]。街道受理后20个工作日内完成审核[3]。',
      passages,
    );
    expect(r.grounded).toBe(true);
    expect(r.citations.map((c) => [c.n, c.verified])).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(r.citations[0]).toMatchObject({
      docId: 'gongzufang-guide',
      quote: passages[1].chunk.text,
      start: passages[1].chunk.start,
    });
  });

  it('drops a sentence with a number the cited passage does not contain', () => {
    const r = checkCitations('街道受理后30个工作日内完成审核[3]。申请需要携带身份证和户口簿[2]。', passages);
    expect(r.grounded).toBe(false);
    expect(r.answer).toBe('申请需要携带身份证和户口簿[2]。');
    expect(r.sentences[0]).toMatchObject({ supported: false, reason: 'number 30 not in [3]' });
  });

  it('matches dates by value (2025年5月 against 2025-05-16) and rejects a wrong source', () => {
    const ok = checkCitations('数字经济核心产业增加值占比力争达到12%以上[4]。', passages);
    expect(ok.grounded).toBe(true);
    const wrong = checkCitations('数字经济核心产业增加值占比力争达到12%以上[2]。', passages, {
      unsupported: 'mark',
    });
    expect(wrong.grounded).toBe(false);
    expect(wrong.answer).toContain('（此句未能在资料中核实）');
    expect(wrong.citations).toEqual([expect.objectContaining({ n: 2, verified: false })]);
  });

  it('rejects unknown markers and long uncited sentences, accepts a short lead-in', () => {
    const r = checkCitations(
      '具体如下：\n公租房申请人须为本市户籍且年满十八周岁的居民家庭成员。\n材料见通知[9]。',
      passages,
    );
    expect(r.sentences.map((s) => s.supported)).toEqual([true, false, false]);
    expect(r.sentences[2].reason).toBe('unknown source [9]');
    expect(r.answer).toBe('具体如下：');
  });
});

describe('checkCitations: the answer-composition rules', () => {
  it('accepts a short lead stating the number when the cited passage has it', () => {
    const r = checkCitations('20个工作日[3]。街道受理后20个工作日内完成审核[3]。', passages);
    expect(r.grounded).toBe(true);
    const wrong = checkCitations('30个工作日[3]。街道受理后20个工作日内完成审核[3]。', passages);
    expect(wrong.sentences[0]).toMatchObject({ supported: false, reason: 'number 30 not in [3]' });
  });

  it('checks unmarked list items against their lead’s source', () => {
    const ok = checkCitations(
      '需要携带以下材料[2]：\n1. 身份证、户口簿、收入证明和住房情况证明\n2. 到街道便民服务中心提交申请材料',
      passages,
    );
    expect(ok.grounded).toBe(true);
    expect(ok.citations.map((c) => c.n)).toEqual([2]);
    const wrong = checkCitations(
      '需要携带以下材料[2]：\n1. 身份证\n2. 经常居住地派出所开具的无犯罪记录证明',
      passages,
    );
    expect(wrong.grounded).toBe(false);
    expect(wrong.sentences[2]).toMatchObject({ supported: false });
  });

  it('checks an unmarked item against the marked last item of its list', () => {
    const r = checkCitations('（一）身份证；\n（二）户口簿[2]。', passages);
    expect(r.grounded).toBe(true);
  });

  it('lets a partial answer say what is not covered and refer on, with the referral line’s numbers only', () => {
    const line = '12345 政务服务便民热线';
    const r = checkCitations(
      '申请公租房需要携带身份证、户口簿[2]。申请方式资料未写明，请咨询12345 政务服务便民热线。',
      passages,
      { referralLine: line },
    );
    expect(r.grounded).toBe(true);
    const other = checkCitations(
      '申请公租房需要携带身份证、户口簿[2]。资料未写明，请拨打96000咨询。',
      passages,
      {
        referralLine: line,
      },
    );
    expect(other.grounded).toBe(false);
  });

  it('lets an answer after a partial decision say the rules may not be the case asked', () => {
    const line = '12345 政务服务便民热线';
    const hedged = checkCitations(
      '申请公租房需要携带身份证、户口簿[2]。以上规定未必完全对应您的情况，建议向主管部门或12345 政务服务便民热线确认。',
      passages,
      { referralLine: line },
    );
    expect(hedged.grounded).toBe(true);
    expect(hedged.answer).toContain('未必完全对应');
    // Any other long uncited sentence still fails.
    const other = checkCitations(
      '申请公租房需要携带身份证、户口簿[2]。以上规定一般适用于本市户籍的申请人和他们的家庭成员。',
      passages,
      { referralLine: line },
    );
    expect(other.grounded).toBe(false);
  });
});
