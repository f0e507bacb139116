import { describe, expect, it } from 'vitest';
import { displayText, isEnumeratorOnly, splitArticleLabel } from '../../src/answer/display-text.js';

describe('displayText', () => {
  it('turns half-width punctuation between Chinese into Chinese punctuation', () => {
    expect(displayText('围绕大模型训练、推理,支持通算、智算;力争达到12%:见附件(一)')).toBe(
      '围绕大模型训练、推理，支持通算、智算；力争达到12%：见附件（一）',
    );
  });

  it('keeps numbers, times and Latin text as they are', () => {
    expect(displayText('共1,000元,时间12:30。see http://a.b/c')).toBe(
      '共1,000元，时间12:30。see http://a.b/c',
    );
    expect(displayText('GDP (gross domestic product)')).toBe('GDP (gross domestic product)');
    // A field value that repeats the field's name reads it once.
    expect(displayText('**办理地点**：办理地点：广州市番禺区市桥街东环路315-319号')).toBe(
      '办理地点：广州市番禺区市桥街东环路315-319号',
    );
    expect(displayText('办理地点：广州市天河区')).toBe('办理地点：广州市天河区');
  });

  it('drops spaces between Chinese characters, bullets and Markdown bold', () => {
    expect(displayText('  • 年满18 周岁\n以上')).toBe('年满18周岁以上');
    expect(displayText('**受理条件**：年满18周岁')).toBe('受理条件：年满18周岁');
  });

  it('brackets around Chinese become Chinese brackets, around digits they stay', () => {
    expect(displayText('1(工作日)')).toBe('1（工作日）');
    expect(displayText('第(2)项')).toBe('第(2)项');
  });
});

describe('isEnumeratorOnly', () => {
  it('recognises an enumerator standing alone', () => {
    for (const s of ['（一）', '5.', '(3)', '二、', '①', '（十二）；'])
      expect(isEnumeratorOnly(s)).toBe(true);
  });

  it('does not take an item with text for one', () => {
    for (const s of ['（一）已交付业主的', '5. 身份证明', '一、总则'])
      expect(isEnumeratorOnly(s)).toBe(false);
  });
});

describe('splitArticleLabel', () => {
  it('separates the article number from its text', () => {
    expect(splitArticleLabel('第六十一条国家采取措施')).toEqual({
      label: '第六十一条',
      rest: '国家采取措施',
    });
    expect(splitArticleLabel('第十七条之一 用水单位')).toEqual({ label: '第十七条之一', rest: '用水单位' });
  });

  it('leaves other text alone', () => {
    expect(splitArticleLabel('依照第十条规定')).toEqual({ rest: '依照第十条规定' });
  });
});
