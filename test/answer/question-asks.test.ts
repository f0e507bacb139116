import { describe, expect, it } from 'vitest';
import { partialNote } from '../../src/answer/partial-answer.js';
import { askingParts, uncoveredAsks } from '../../src/answer/question-asks.js';
import { questionParts } from '../../src/text/question-parts.js';

describe('questionParts', () => {
  it('splits at question marks and at a comma before a new question', () => {
    expect(questionParts('算力券是什么？怎么申请？')).toEqual(['算力券是什么', '怎么申请']);
    expect(questionParts('在青岛坐地铁，多大的行李不让带？')).toEqual(['在青岛坐地铁', '多大的行李不让带']);
    expect(askingParts('在青岛坐地铁，多大的行李不让带？')).toEqual(['多大的行李不让带']);
  });
});

describe('uncoveredAsks', () => {
  const groups = [['算力券'], ['申请']];
  const weights = [3, 1.5];

  it('names the part the answer does not speak to', () => {
    expect(
      uncoveredAsks('算力券是什么？怎么申请？', groups, weights, '积极落实人工智能“算力券”奖补政策。'),
    ).toEqual(['怎么申请']);
  });

  it('does not name a part that says only where, or asks only whether a rule exists', () => {
    const g = [['信报箱'], ['开发商'], ['山东'], ['规定']];
    const w = [8, 5, 1, 2];
    const answer = '城市新建居民住宅楼，应当安装标准信报箱。';
    const question = '开发商说信报箱不是必须装的，山东这边有规定吗？';
    expect(uncoveredAsks(question, g, w, answer, { partial: true })).toEqual([]);
    // A part with words of its own the answer lacks is still named.
    expect(uncoveredAsks('山东这边信报箱归谁管？', g, w, '应当安装标准信报箱。', { partial: true })).toEqual(
      [],
    );
    expect(uncoveredAsks('山东这边开发商归谁管？', g, w, answer, { partial: true })).toEqual([
      '山东这边开发商归谁管',
    ]);
  });

  it('does not name a part asking where, who or whether it costs when the quote states it', () => {
    const g = [['养狗', '养犬'], ['办证'], ['在哪办', '办理地点']];
    const w = [6.6, 1.3, 10.5];
    const answer = '养犬人取得犬只后，应当携犬只到公安机关设立的养犬登记服务场所办理信息登记，领取犬牌。';
    expect(uncoveredAsks('养狗要办证吗？在哪办？', g, w, answer)).toEqual([]);
    // A quote that states no place leaves the part named.
    expect(uncoveredAsks('养狗要办证吗？在哪办？', g, w, '养犬人应当办理养犬登记。')).toEqual(['在哪办']);
  });

  it('names nothing when every part is covered, or for a one-part question', () => {
    expect(uncoveredAsks('算力券是什么？怎么申请？', groups, weights, '算力券由企业在线申请。')).toEqual([]);
    expect(uncoveredAsks('算力券怎么申请？', groups, weights, '积极落实算力券政策。')).toEqual([]);
  });

  it('after a partial relevance decision, checks the clause that asks, not the scene it sets', () => {
    const g = [['征收'], ['补偿'], ['最少'], ['面积']];
    const q = '老房子被征收，选就地补偿的话，最少能补多大面积？';
    const answer = '征收非住宅房屋，实行就地房屋补偿的，按照被征收房屋建筑面积进行补偿。';
    expect(
      uncoveredAsks(q, g, [2, 2, 6, 3], '征收住宅房屋的，按照被征收房屋补偿。', { partial: true }),
    ).toEqual(['最少能补多大面积']);
    expect(uncoveredAsks(q, g, [2, 2, 6, 3], answer, { partial: true })).toEqual([]);
    expect(uncoveredAsks(q, g, [2, 2, 6, 3], '征收住宅房屋的，按照被征收房屋补偿。')).toEqual([]);
  });

  it('does not name a clause that only asks whether the conduct described is allowed', () => {
    const g = [['学校'], ['烟'], ['彩票'], ['符合规定']];
    const q = '学校大门口的小卖部烟、彩票都卖，这符合规定吗？';
    const rule = '学校、幼儿园周边不得设置烟、酒、彩票销售网点。';
    expect(uncoveredAsks(q, g, [2, 3, 4, 2], rule, { partial: true })).toEqual([]);
    // The conduct's own words are still looked for: an answer on other conduct leaves it open.
    const g2 = [['环保'], ['配合']];
    expect(
      uncoveredAsks(
        '被环保部门拦下来测尾气，要交钱吗？我能不配合吗？',
        g2,
        [2, 3],
        '环保部门抽测不得收取费用。',
      ),
    ).toEqual(['我能不配合']);
  });

  it('does not name a clause that complains by asking back beside the real ask', () => {
    const g = [['马路'], ['挖开'], ['瞎折腾'], ['允许']];
    const q = '家门口那条马路去年刚翻修完，今年又被挖开埋管子，这不是瞎折腾吗，这种事允许吗？';
    const rule = '新建、扩建、改建的道路交付使用后五年内不得挖掘。';
    expect(uncoveredAsks(q, g, [2, 3, 4, 1], rule, { partial: true })).toEqual([]);
    expect(uncoveredAsks('马路刚修完又挖开，这不是瞎折腾吗？收费对不对？', g, [2, 3, 4, 1], rule)).toEqual(
      [],
    );
    // 不是 opening a condition asks: "不是本地户口能办吗" stays a part.
    expect(askingParts('不是本地户口能办吗？要带什么材料？')).toEqual(['不是本地户口能办吗', '要带什么材料']);
    // Alone, the same form is the ask.
    expect(
      uncoveredAsks('马路刚修完又挖开，这不是瞎折腾吗？', g, [2, 3, 4, 1], rule, { partial: true }),
    ).toEqual(['这不是瞎折腾']);
  });

  it('names the asking sentence alone, not the scene sentence before its full stop', () => {
    const g = [['个体户'], ['社保'], ['要求']];
    const q = '公司让我先去注册个个体户，说这样就不用给我交社保了。公司能这么要求吗？';
    expect(uncoveredAsks(q, g, [3, 3, 1], '个体工商户可以自愿参加社会保险。', { partial: true })).toEqual([
      '公司能这么要求',
    ]);
  });

  it('takes a question that sets the scene and asks once for a one-part question', () => {
    const g = [['信用'], ['修复'], ['申请']];
    expect(
      uncoveredAsks('企业想修复信用，可以申请吗？', g, [3, 2, 1], '市场主体可以对信用信息提出异议。'),
    ).toEqual([]);
  });
});

describe('partialNote', () => {
  it('quotes the open parts, nesting a word the citizen quoted in single marks', () => {
    expect(partialNote(['还要他们交什么"进场费"'])).toBe(
      '“还要他们交什么‘进场费’”：现有资料未写明，请向主管部门或政务服务热线咨询。',
    );
    expect(partialNote(['怎么申请'], { quotedOnly: true })).toBe(
      '“怎么申请”：以上内容未写明，请向主管部门或政务服务热线咨询。',
    );
    // A part holding a number is not repeated: every number stated must stand in a cited passage.
    expect(partialNote(['最多罚三千元吗'])).toBe(
      '问题的其余部分：现有资料未写明，请向主管部门或政务服务热线咨询。',
    );
  });
});
