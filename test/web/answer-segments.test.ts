import { describe, expect, it } from 'vitest';
import { answerWithSources, findPhones, splitAnswer } from '../../src/web/widget/answer-segments.js';

describe('splitAnswer', () => {
  it('turns [n], [n][m] and [n,m] markers into citation segments', () => {
    expect(splitAnswer('力争5G基站数达4.5万个[1]。建成30个以上“无证明机关”[2][3]，见[1，4]')).toEqual([
      { kind: 'text', text: '力争5G基站数达4.5万个' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '。建成30个以上“无证明机关”' },
      { kind: 'cite', n: 2 },
      { kind: 'cite', n: 3 },
      { kind: 'text', text: '，见' },
      { kind: 'cite', n: 1 },
      { kind: 'cite', n: 4 },
    ]);
  });

  it('leaves a half-streamed marker and non-numeric brackets as text', () => {
    expect(splitAnswer('数达4.5万个[1')).toEqual([{ kind: 'text', text: '数达4.5万个[1' }]);
    expect(splitAnswer('【2025】[附件]')).toEqual([{ kind: 'text', text: '【2025】[附件]' }]);
  });
});

describe('findPhones', () => {
  it('finds hotline and department numbers but not amounts or years', () => {
    expect(findPhones('请拨打 12345 或 0532-85912190 咨询，联系电话:85912190')).toEqual([
      '12345',
      '0532-85912190',
      '85912190',
    ]);
    expect(findPhones('2025年投入30000万元，增长6.5%')).toEqual([]);
  });
});

describe('answerWithSources', () => {
  it('appends one line per source for the clipboard', () => {
    const text = answerWithSources({
      answer: '力争5G基站数达4.5万个。[1]',
      citations: [
        {
          n: 1,
          docId: 'd',
          title: '《数字青岛2025年行动方案》政策解读',
          docNumber: '青政办字【2025】21号',
          headingPath: '六、实施数据基础设施筑基工程',
          quote: 'q',
          start: 0,
          end: 1,
        },
      ],
    });
    expect(text).toBe(
      '力争5G基站数达4.5万个。[1]\n\n来源：\n[1] 《数字青岛2025年行动方案》政策解读（青政办字【2025】21号） 六、实施数据基础设施筑基工程',
    );
  });
});
