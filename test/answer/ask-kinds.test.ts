import { describe, expect, it } from 'vitest';
import {
  answersAskKind,
  asksBoundedSpan,
  asksDuration,
  asksPenalty,
  asksPermission,
  statesSanction,
  withoutWhetherAllowed,
} from '../../src/answer/ask-kinds.js';

describe('ask kinds', () => {
  it('tells a penalty question from a permission question', () => {
    expect(asksPenalty('过年在青岛市北区自家阳台上放挂鞭，会挨罚吗？')).toBe(true);
    expect(asksPenalty('青岛出租车司机拒载，会受到什么处罚？')).toBe(true);
    expect(asksPenalty('老师在课上推销保健品，这种事有人管吗？')).toBe(true);
    expect(asksPenalty('在青岛的驾校学车，学员可以自己挑教练吗？')).toBe(false);
    expect(asksPermission('在青岛的驾校学车，学员可以自己挑教练吗？')).toBe(true);
    expect(asksPermission('在青岛市区骑电动车能不能带人？')).toBe(true);
    expect(asksPermission('燃气公司多长时间来查一次？')).toBe(false);
    // Whether what was done is lawful is asked the same way: the rule and its sanction answer it.
    expect(asksPermission('学校要安排他们去KTV"顶岗实习"，这样合规吗？')).toBe(true);
    expect(asksPermission('学校大门口的小卖部烟、酒、彩票都卖，这符合规定吗？')).toBe(true);
    expect(asksPermission('签证还没下来，单位就要停我工资，这合理吗？')).toBe(true);
    expect(asksPermission('合理用药的宣传由哪个部门负责？')).toBe(false);
  });

  it('takes away the words that ask whether, not the conduct asked about', () => {
    expect(withoutWhetherAllowed('烟、酒、彩票都卖，这符合规定吗')).toBe('烟、酒、彩票都卖，这吗');
    expect(withoutWhetherAllowed('这种事有人管吗')).toBe('这种事吗');
    expect(withoutWhetherAllowed('我能不配合吗')).toBe('我能不配合吗');
    expect(withoutWhetherAllowed('夏天能不能带孩子下去游个泳')).toBe('夏天带孩子下去游个泳');
  });

  it('finds the sanction, not the rule it sanctions', () => {
    expect(statesSanction('由公安机关责令停止燃放，处三百元以上五百元以下罚款。')).toBe(true);
    expect(statesSanction('本市行政区域内，下列场所禁止燃放烟花爆竹：')).toBe(false);
  });
});

describe('the kind of thing asked', () => {
  it('pairs how long, who, where and whether it costs with the sentence that states it', () => {
    expect(answersAskKind('有时间要求吗？', '应当自出具证明之日起十五日内为劳动者办理转移手续。')).toBe(true);
    expect(answersAskKind('评估公司是谁来定的？', '房地产价格评估机构由被征收人协商选定。')).toBe(true);
    expect(answersAskKind('去哪儿补办？', '当事人可以持户口簿、身份证向原办理婚姻登记的机关申请补领。')).toBe(
      true,
    );
    expect(answersAskKind('去体育场锻炼要花钱吗？', '公共体育设施应当在全民健身日向公众免费开放。')).toBe(
      true,
    );
  });

  it('pairs how long with a span stated by its bound, not only with a deadline', () => {
    const tiers = '累计缴费时间满1年不足5年的，领取失业保险金的期限最长为12个月。';
    expect(answersAskKind('失业了能领多长时间失业金？', tiers)).toBe(true);
    expect(answersAskKind('整顿一般能整多久？', '停产整顿的期限一般不超过1年。')).toBe(true);
    // A bound alone, with no span in it, answers nothing; a condition (满1年) is no bound.
    expect(answersAskKind('能领多久？', '最长不得超过规定的标准。')).toBe(false);
    expect(answersAskKind('能领多久？', '累计缴费时间满1年的，可以领取失业保险金。')).toBe(false);
  });

  it('reads 最长能定几年 as a span asked by its bound, and a 几年 asked as how long', () => {
    expect(asksBoundedSpan('执行期一般最长能定几年？')).toBe(true);
    expect(asksDuration('执行期一般最长能定几年？')).toBe(true);
    expect(asksBoundedSpan('承包期一般最短是几年？')).toBe(true);
    // 最多几个人 asks a count, not a span; 几年 with no bound is no bound asked.
    expect(asksBoundedSpan('最多能派几个人当代表？')).toBe(false);
    expect(asksBoundedSpan('有效期是几年？')).toBe(false);
    const bound = '应当设定执行期限且一般不超过五年。';
    expect(answersAskKind('执行期一般最长能定几年？', bound)).toBe(true);
    expect(answersAskKind('这证能用几年？', bound)).toBe(true);
    // 十几年, 好几年 and 这几个月 tell the scene; they ask nothing.
    expect(answersAskKind('家里养了十几年的狗老死了，能埋在花坛里吗？', bound)).toBe(false);
    expect(answersAskKind('拖了好几年了，这合理吗？', bound)).toBe(false);
  });

  it('needs both the ask and its answer', () => {
    // A time limit does not answer where; an ask without its kind of answer gets nothing.
    expect(answersAskKind('去哪儿补办？', '应当自受理之日起十五日内补发。')).toBe(false);
    expect(answersAskKind('多久能办好？', '当事人可以向婚姻登记机关申请补领。')).toBe(false);
    expect(answersAskKind('结婚证丢了怎么办？', '应当自受理之日起十五日内补发。')).toBe(false);
  });
});
