import { describe, expect, it } from 'vitest';
import { relatedQuestions } from '../../src/web/widget/related-questions.js';

describe('related questions after a refusal', () => {
  it('asks about the chapter above an article, the article itself, or a numbered section', () => {
    const out = relatedQuestions(
      [
        {
          title: '青岛市国有土地上房屋征收与补偿条例',
          headingPath: '《青岛市国有土地上房屋征收与补偿条例》 › 第三章 征收补偿 › 第十九条',
        },
        { title: '青岛市养犬管理条例', headingPath: '《青岛市养犬管理条例》 › 第七条' },
        {
          title: '《数字青岛2025年行动方案》政策解读',
          headingPath: '《数字青岛2025年行动方案》政策解读 › 六、实施数据基础设施筑基工程',
        },
      ],
      '火星上怎么办理护照？',
    );
    expect(out).toEqual([
      '《青岛市国有土地上房屋征收与补偿条例》中“征收补偿”有哪些规定？',
      '《青岛市养犬管理条例》第七条是怎么规定的？',
      '《数字青岛2025年行动方案》政策解读中“实施数据基础设施筑基工程”有哪些规定？',
    ]);
  });

  it('offers at most three, each once, and never the question just asked', () => {
    const same = { title: '青岛市供热条例', headingPath: '《青岛市供热条例》 › 第二章 供热规划 › 第八条' };
    const others = ['第九条', '第十条', '第十一条', '第十二条'].map((a) => ({
      title: '青岛市物业管理条例',
      headingPath: `《青岛市物业管理条例》 › ${a}`,
    }));
    const out = relatedQuestions([same, same, ...others], '《青岛市供热条例》中“供热规划”有哪些规定？');
    expect(out).toEqual([
      '《青岛市物业管理条例》第九条是怎么规定的？',
      '《青岛市物业管理条例》第十条是怎么规定的？',
      '《青岛市物业管理条例》第十一条是怎么规定的？',
    ]);
  });

  it('falls back to the document when there is no heading, and offers nothing without sources', () => {
    expect(relatedQuestions([{ title: '婚姻登记条例' }], 'q')).toEqual(['《婚姻登记条例》主要规定了什么？']);
    expect(relatedQuestions([], 'q')).toEqual([]);
  });
});
