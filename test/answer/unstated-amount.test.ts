import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountUnstated } from '../../src/answer/unstated-amount.js';
import type { Assistant } from '../../src/app/assistant.js';
import { lawAssistant } from '../fakes/law-assistant.js';

describe('amountUnstated', () => {
  const noFigure = '有关单位应当按时足额发放退休人员的养老金，不得停发、扣发。';

  it('holds a sum, a period in months or days, points to the unit asked', () => {
    expect(amountUnstated('养老金每人每月能涨多少钱？', noFigure)).toBe(true);
    expect(amountUnstated('养老金每人每月能涨多少钱？', '每人每月增加养老金50元。')).toBe(false);
    expect(amountUnstated('人才落户要求交满几个月社保？', '人才落户应当提供社会保险缴费证明。')).toBe(true);
    expect(amountUnstated('人才落户要求交满几个月社保？', '连续缴纳社会保险满六个月的，可以落户。')).toBe(
      false,
    );
    // 几天 is answered in 日.
    expect(amountUnstated('材料交齐以后几天能办下来？', '应当自受理之日起二个工作日内完成。')).toBe(false);
    expect(amountUnstated('一个记分周期最多能减几分？', '在最近三个记分周期内有逃逸记录的，不予受理。')).toBe(
      true,
    );
  });

  it('reads a sum received, lent or paid back, asked by its verb, as money or a share of it', () => {
    const loanRule = '住房公积金管理中心应当自受理申请之日起15日内作出准予贷款或者不准贷款的决定。';
    // The decision's 15日 is no sum: without one, the figure is not stated.
    expect(amountUnstated('公积金贷款最多能贷多少？', loanRule)).toBe(true);
    expect(amountUnstated('双职工家庭最高能贷多少万？', loanRule)).toBe(true);
    expect(amountUnstated('失业金一个月能领多少？', '领取失业保险金的期限最长为12个月。')).toBe(true);
    expect(amountUnstated('热费能退多少？', '供热单位应当退还热费的50%。')).toBe(false);
    expect(amountUnstated('最多能贷多少？', '贷款额度最高不超过60万元。')).toBe(false);
    // A price asked is not a share: the 20% of a refund standard states no price.
    const refund =
      '对被测房间室温不合格的天数，供热单位应当按照下列标准向用户退还热费：供热温度低于16℃的，退还热费的20%。';
    expect(amountUnstated('暖气费多少钱一平？', refund)).toBe(true);
    expect(amountUnstated('暖气不热，热费能退多少钱？', refund)).toBe(false);
    // Not a sum: a count of months, of people.
    expect(amountUnstated('失业金能领几个月？', '领取失业保险金的期限最长为12个月。')).toBe(false);
    expect(amountUnstated('一次能借多少人？', noFigure)).toBe(false);
  });

  it('leaves alone counts of things, lists, spans, pieces and the scene', () => {
    expect(amountUnstated('一家最多能养几条狗？', '居民养犬的，每户限养一只。')).toBe(false);
    expect(amountUnstated('民生保障一件事包括哪几个部门的业务？', noFigure)).toBe(false);
    expect(amountUnstated('审计局审竣工决算到底要多长时间？', noFigure)).toBe(false);
    expect(amountUnstated('海滩上的石头，捡几块带回家做个纪念行吗？', noFigure)).toBe(false);
    // 好几个月 sets the scene; the ask is a span.
    expect(amountUnstated('工程验收完好几个月了，审计要多长时间？', noFigure)).toBe(false);
    expect(amountUnstated('青岛的公租房怎么申请？', noFigure)).toBe(false);
    // 没用几天 is how soon it broke; the question asks who pays.
    expect(amountUnstated('按摩椅没用几天就坏了，卖家也找不到，我还能找谁赔？', noFigure)).toBe(false);
  });
});

const PENSION_RULE = `# 青岛市退休人员服务办法

第一条 有关单位应当按时足额发放退休人员的养老金，不得停发、扣发养老金。

第二条 退休人员死亡的，其亲属应当自死亡之日起二十个工作日内告知社会保险经办机构，停止发放养老金。

第三条 引进的人才办理落户，应当提供劳动合同和社会保险缴费证明。
`;

/** Over real files, jieba and hnswlib: a figure asked that the quoted rule does not state. */
describe('a question after a figure the documents do not state', () => {
  let assistant: Assistant;
  let dispose: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ assistant, dispose } = await lawAssistant('unstated-', [
      { id: 'qd-pension', title: '青岛市退休人员服务办法', region: '山东省青岛市', text: PENSION_RULE },
    ]));
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  async function ask(question: string) {
    return assistant.extractive.answer(question, await assistant.retriever.retrieve(question));
  }

  it('refuses instead of quoting a rule on the same words that states no period', async () => {
    const question = '引进的人才办理落户，社会保险要交满几个月？';
    const retrieval = await assistant.retriever.retrieve(question);
    // The documents hold the question's words: only the figure is missing.
    expect(retrieval.relevant).toBe(true);
    const answer = await assistant.extractive.answer(question, retrieval);
    expect(answer.refused).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain('没有写明您问的具体数额');
  });

  it('answers the figure the rule does state', async () => {
    const answer = await ask('退休人员死亡了，亲属要在几天内告知社会保险经办机构？');
    expect(answer.refused).toBe(false);
    expect(answer.answer).toContain('二十个工作日');
  });
});
