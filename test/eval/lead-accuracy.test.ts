import { describe, expect, it } from 'vitest';
import { leadAccuracy, leadLines } from '../../src/eval/lead-accuracy.js';

describe('leadLines', () => {
  it('reads the short cited lines an answer opens with, labelled or not, and stops at the quote', () => {
    const answer = '有效期：二十年[1]。\n交了材料后多久能拿到：六十日[2]。\n第十一条：公民应当换领新证[1]。';
    expect(leadLines(answer)).toEqual(['二十年', '六十日']);
    expect(leadLines('第十二条：从事生产、经营的纳税人应当自领取营业执照之日起30日内…[1]。')).toEqual([]);
  });
});

describe('leadAccuracy', () => {
  it('passes a number lead whose numbers the reference states, in digits or in Chinese numerals', () => {
    const r = leadAccuracy(
      '十八个月[1]。\n第四十六条：…',
      '最长18个月。累计缴费满五年不足十年的，最长为十八个月。',
    );
    expect(r?.pass).toBe(true);
    expect(leadAccuracy('三百元以上五百元以下[1]。', '处300元以上500元以下罚款。')?.score).toBe(1);
  });

  it('fails a number lead the reference does not state (the 15 days of another matter)', () => {
    const r = leadAccuracy('15日[1]。\n第十五条：…', '30日内。《税收征收管理法实施细则》第十二条规定…', [
      '自领取营业执照之日起30日内',
    ]);
    expect(r?.pass).toBe(false);
    expect(r?.reason).toContain('15日');
  });

  it('reads the key points as well as the reference', () => {
    expect(leadAccuracy('6分[1]。', '可以减分。', ['累计最高扣减6分'])?.pass).toBe(true);
  });

  it('judges a yes/no lead by how the reference opens', () => {
    expect(leadAccuracy('不可以[1]。\n第六条：…', '不能。禁止在下列场所吸烟…')?.pass).toBe(true);
    expect(leadAccuracy('可以，但要符合规定[1]。', '不能直接停。燃气用户逾期…')?.pass).toBe(false);
    expect(leadAccuracy('不需要[1]。', '需要。业主装饰装修房屋的，应当事先告知物业服务人。')?.pass).toBe(
      false,
    );
  });

  it('scores each lead of a several-part answer', () => {
    const r = leadAccuracy('有效期：二十年[1]。\n拿到：十五日[2]。', '有效期二十年；六十日内发放。');
    expect(r?.score).toBe(0.5);
  });

  it('leaves out answers with no lead, and leads the reference cannot judge', () => {
    expect(leadAccuracy('第十二条：…[1]。\n…', '30日。')).toBeUndefined();
    expect(leadAccuracy('可以[1]。', '《条例》第五条规定了登记的条件。')).toBeUndefined();
  });
});

describe('what counts as a lead', () => {
  it('reads no short quoted heading or sentence as one', () => {
    expect(leadLines('（五）拓展网上办税缴费范围[1]。\n…')).toEqual([]);
    expect(leadLines('一、金融支持1．持续加大中小企业贷款投放[1]。')).toEqual([]);
    expect(leadLines('2日上午，经过测量体温，记者进入市场[1]。')).toEqual([]);
    expect(leadLines('4.5万个[1]。')).toEqual(['4.5万个']);
  });
});
