import { describe, expect, it } from 'vitest';
import { numberLead } from '../../src/answer/compose-lead.js';
import { numberLeads } from '../../src/answer/number-leads.js';
import { yesNoLead } from '../../src/answer/yes-no-lead.js';
import { askedQuantity } from '../../src/retrieve/query-terms.js';
import { statedValues } from '../../src/retrieve/stated-values.js';

/** A quoted sentence as the composition hands it to the lead. */
const anchorPiece = {
  passageIndex: 0,
  start: 0,
  end: 40,
  text: '公民认为行政行为侵犯其合法权益的，可以自知道该行政行为之日起六十日内提出行政复议申请。',
};

describe('numberLead', () => {
  it('reads the amount of the asked quantity, not another number of the sentence', () => {
    expect(
      numberLead('2025年青岛要把5G基站建到多少个？', '推动5G-A试点部署及应用，力争5G基站数达4.5万个。', [
        '基站',
      ]),
    ).toBe('4.5万个');
  });

  it('answers an age asked with an age, not with the years of a clause that names 年龄', () => {
    const q = '退休年龄是多少？';
    const quantity = askedQuantity(q, [['退休'], ['年龄']]);
    expect(
      numberLead(q, '职工距退休年龄不到五年的，经本人申请，可以退出工作岗位休养。', quantity),
    ).toBeUndefined();
    expect(numberLead(q, '男年满六十周岁，女年满五十周岁，连续工龄满十年的，应该退休。', quantity)).toBe(
      '六十周岁',
    );
    expect(numberLead('孩子几岁可以坐副驾驶？', '驾驶人不得安排未满十二周岁的未成年人乘坐在副驾驶位。')).toBe(
      '十二周岁',
    );
  });

  it('reads months of pay as money, not as the span of time a 多久 asks', () => {
    const q = '上班时出了工伤，最长能休多久？';
    expect(numberLead(q, '七级伤残为13个月的本人工资，八级伤残为11个月的本人工资。')).toBeUndefined();
    expect(numberLead(q, '每满一年支付一个月工资的标准向劳动者支付经济补偿。')).toBe('一年');
    // Wages paid for a span are still a span.
    expect(numberLead(q, '从事故发生当月起3个月内照发工资。')).toBe('3个月');
    expect(numberLead(q, '停工留薪期一般不超过12个月。')).toBe('12个月');
  });

  it('prefers the measure word the question names', () => {
    const s = '今年重点在数字经济等7个方面推进54项任务。';
    expect(numberLead('一共安排了多少项任务？', s, ['任务'])).toBe('54项');
    expect(numberLead('分几个方面？', s)).toBe('7个');
  });

  it('keeps a range and its bounds together', () => {
    expect(numberLead('最多罚多少钱？', '拒不改正的，处二百元以上一千元以下罚款。')).toBe(
      '二百元以上一千元以下',
    );
    expect(numberLead('每年要完成多少义务植树任务？', '每人每年完成三至五棵的义务植树任务。', ['任务'])).toBe(
      '三至五棵',
    );
  });

  it('reads a 罚单 in the scene as no fine asked when the part names another unit', () => {
    const [lead] = numberLeads(
      ['城管给我开了张罚单，想申请行政复议，从知道这个处罚起多少天内要提出来？'],
      [anchorPiece],
      anchorPiece,
      [['罚单'], ['行政复议'], ['处罚']],
    );
    expect(lead?.text).toBe('六十日');
  });

  it('never leads with an amount the citizen states (七天 is 七日), but with the one asked', () => {
    const rule =
      '适用七日无理由退货制度，经营者不得故意拖延。自收到消费者退货要求之日起十五日内未办理退货手续的，视为故意拖延。';
    expect(numberLead('申请七天无理由退货，商家一直拖着，拖过多少天就算故意拖延？', rule)).toBe('十五日');
    expect(numberLead('商家一直拖着不给退货，拖过多少天就算故意拖延？', rule)).toBe('七日');
  });

  it('answers 多少度 with a temperature, not a share or a span', () => {
    const rule =
      '使用空调采暖、制冷的公共建筑，其室内空调的温度设置，夏季不得低于二十六摄氏度，冬季不得高于二十摄氏度。';
    expect(numberLead('公共建筑夏天空调温度最低能设到多少度？', rule)).toBe('二十六摄氏度');
    expect(numberLead('暖气最低得保证多少度？', '供热温度高于或者等于16℃、低于18℃的，退还热费的20%；')).toBe(
      '16℃',
    );
    expect(
      numberLead('暖气最低得保证多少度？', '退还热费的20%，测量在门窗关闭一小时以上进行。'),
    ).toBeUndefined();
  });

  it('answers 几点 with a time of day, never with a span', () => {
    expect(numberLead('楼上装修几点以后不能干？', '夜间，是指北京时间二十二时至次日六时之间的期间；')).toBe(
      '二十二时',
    );
    expect(
      numberLead(
        '青岛地铁1号线末班车是几点？',
        '调整首末班车行车时刻或者列车因故延误十五分钟以上的，轨道交通经营单位应当及时向社会公开发布相关信息。',
      ),
    ).toBeUndefined();
    expect(numberLead('供热单位几点前必须到？', '必须在接到投诉后的一小时内到达现场抢修。')).toBeUndefined();
  });

  it('keeps a period between two dates whole, across the year end too', () => {
    expect(
      numberLead(
        '年度报告要在什么时间段报？',
        '个体工商户应当于每年1月1日至6月30日，向登记机关报送年度报告。',
      ),
    ).toBe('1月1日至6月30日');
    expect(
      numberLead('森林防火期是每年几月到几月？', '本市的森林防火期为每年十一月一日至次年五月三十一日。'),
    ).toBe('十一月一日至次年五月三十一日');
  });

  it('reads clock hours (十二时至十四时) as an amount', () => {
    expect(numberLead('中午几点到几点不能装修？', '午间，是指北京时间十二时至十四时之间的期间；')).toBe(
      '十二时至十四时',
    );
  });

  it('never reads an article number as the answer', () => {
    expect(numberLead('多少天内给答复？', '第十六条 烟草专卖行政主管部门应当作出决定。')).toBeUndefined();
  });

  it('gives nothing for a question that does not ask for a number', () => {
    expect(numberLead('哪个领域要建设可信数据空间？', '建成3个集群。')).toBeUndefined();
  });
});

describe('money and distance asked', () => {
  it('answers 多少钱 with an amount of money or a share of a fee, never a date or an age', () => {
    expect(numberLead('出租车起步价现在是多少钱？', '本条例自2007年3月1日起施行。')).toBeUndefined();
    expect(numberLead('每个月能领多少钱高龄津贴？', '建立八十周岁以上老年人高龄津贴制度。')).toBeUndefined();
    expect(numberLead('每个月能领多少钱？', '每人每月发放高龄津贴100元。')).toBe('100元');
    expect(numberLead('暖气不热，能退多少钱？', '低于16℃的，退还热费的50%。')).toBe('50%');
  });

  it('does not answer a price with a fine, unless a fine is asked', () => {
    const fine = '处每平方米五百元以上二千元以下罚款。';
    expect(numberLead('供暖费每平方米多少钱？', fine)).toBeUndefined();
    expect(numberLead('乱扔垃圾罚多少钱？', '处五十元以上二百元以下罚款。')).toBe('五十元以上二百元以下');
  });

  it('answers 几公里 in 公里, not in years', () => {
    expect(numberLead('起步里程是几公里？', '驾驶证有效期为八年。')).toBeUndefined();
    expect(numberLead('起步里程是几公里？', '起步里程为3公里。')).toBe('3公里');
  });
});

describe('people counted', () => {
  it('reads 几个 about people as answered by 人, 名 or 位', () => {
    const rule = '每部教学车辆安排同时参加驾驶操作培训的学员不得超过六人。';
    expect(numberLead('一辆教练车最多同时安排几个学员练？', rule)).toBe('六人');
    expect(numberLead('最多几个学员？', '每班学员不得超过三十名。')).toBe('三十名');
    // 几年 is still not answered by a count of people.
    expect(numberLead('要干几年？', rule)).toBeUndefined();
  });
});

describe('a question after how often', () => {
  it('leads with the frequency a text states, never with a date or a span', () => {
    const rule = '幼儿园工作人员取得健康证明后方可上岗，在岗期间应当每年进行一次健康检查。';
    expect(numberLead('老师需要体检吗？多久查一次？', rule)).toBe('每年进行一次');
    expect(numberLead('多长时间来一次？', '燃气经营者应当每两年至少对用户的燃气设施进行一次安全检查。')).toBe(
      '每两年至少对用户的燃气设施进行一次',
    );
    expect(numberLead('免费体检一年几次？', '每年为老年人提供一次免费健康体检。')).toBe(
      '每年为老年人提供一次',
    );
    // A date has 年 and 月, and a span has 日: neither says how often.
    expect(
      numberLead('多久查一次？', '2013年4月25日青岛市第十五届人民代表大会常务委员会通过。'),
    ).toBeUndefined();
    expect(numberLead('多久查一次？', '自受理之日起二十个工作日内办结。')).toBeUndefined();
    // Not a frequency ask: the span still leads.
    expect(numberLead('多久能办结？', '自受理之日起二十个工作日内办结。')).toBe('二十个工作日');
  });
});

describe('a number lead is a quantity', () => {
  it('reads 上一年度 as the year a standard is taken from, not a duration', () => {
    const sentence = '标准按照上一年度最低生活保障标准执行，并在五个工作日内作出书面决定。';
    expect(numberLead('交了申请多久能答复？', sentence)).toBe('五个工作日');
    expect(numberLead('合同期限多久？', '劳动合同期限一年以上的，试用期不得超过二个月。')).toBe('一年以上');
  });

  it('answers a sum paid back (退多少, 能赔多少) with money or a share, not the temperature of the case', () => {
    const refund = '（一）供热温度高于或者等于16℃、低于18℃的，退还热费的20%；';
    expect(numberLead('暖气不热可以退费吗？退多少？', refund)).toBe('20%');
    // Asked in degrees, the temperature still leads.
    expect(numberLead('屋里低于多少度可以退费？', refund)).toBe('16℃');
  });

  it('reads the period of a bound in its own clause, not in the condition before it', () => {
    const trial =
      '劳动合同期限三个月以上不满一年的，试用期不得超过一个月；劳动合同期限一年以上不满三年的，试用期不得超过二个月。';
    expect(numberLead('试用期最长能定多久？', trial)).toBe('一个月');
    // A bound of another period still does not answer: the contract's own term is asked.
    expect(numberLead('合同期限多久？', '劳动合同期限一年以上的，试用期不得超过二个月。')).toBe('一年以上');
  });

  it('answers 多久 with the span a bound states, not the condition before it', () => {
    const tiers =
      '失业人员失业前所在单位和本人按照规定累计缴费时间满1年不足5年的，领取失业保险金的期限最长为12个月；累计缴费时间满5年不足10年的，领取失业保险金的期限最长为18个月。';
    expect(numberLead('失业了能领多长时间失业金？', tiers)).toBe('12个月');
    const notice = '房地产开发企业应当于项目交付使用前五日在交房现场醒目位置公示，公示期限不得少于三十日。';
    expect(numberLead('开发商必须在现场公示什么？公示多久？', notice)).toBe('三十日');
    // The bound of a period the question does not name (公示期限) is not the span asked.
    expect(numberLead('新房交房后多久能办房产证？', notice)).not.toBe('三十日');
  });

  it('answers 多久 with a span of time and reads 个月 whole', () => {
    expect(numberLead('多久能答复？', '按最低生活保障标准的两倍执行。')).toBeUndefined();
    expect(numberLead('最长能休多久？', '停工留薪期一般不超过12个月。')).toBe('12个月');
    // Not a duration ask: any amount still leads.
    expect(numberLead('标准是多少？', '按最低生活保障标准的两倍执行。')).toBe('两倍');
  });
});

/** A quoted piece at `start` of passage `passageIndex`. */
const piece = (text: string, start: number, passageIndex = 0) => ({
  text,
  start,
  end: start + text.length,
  passageIndex,
});

describe('numberLead for a question asking when', () => {
  const season = '采暖期为每年的十一月十六日至次年的四月五日。';
  const warmth = '采暖期内用户室内供热温度不得低于18℃。';

  it('reads a date or a deadline, not a measurement or a bare span', () => {
    expect(numberLead('青岛暖气什么时候开始供？', season)).toBe('十一月十六日');
    expect(numberLead('青岛暖气什么时候开始供？', warmth)).toBeUndefined();
    // A span before an event is a deadline: it answers when.
    expect(
      numberLead('最晚什么时候去报停？', '居民用户停止用热，应当在每年的采暖期开始三十日前提出申请。'),
    ).toBe('三十日');
    expect(numberLead('什么时候能退？', '租期为一个月，到期后可以续租。')).toBeUndefined();
  });

  it('gives each part of a when-and-how-much question its own value', () => {
    const text = season + warmth;
    const piece = { text, start: 0, end: text.length, passageIndex: 0 };
    const leads = numberLeads(['青岛暖气什么时候开始供', '屋里最低多少度'], [piece], piece, [
      ['暖气', '采暖'],
      ['屋里'],
      ['最低', '不得+低于'],
    ]);
    expect(leads.map((l) => l.text.split('：')[1])).toEqual(['十一月十六日', '18℃']);
  });
});

describe('numberLeads for a standard asked', () => {
  const piece = (text: string) => ({ passageIndex: 0, start: 0, end: text.length, text });

  it('reads no span or date as the standard of a payment (98天 of the leave is no allowance)', () => {
    const leave = piece('女职工生育享受98天产假，其中产前可以休假15天。');
    const [none] = numberLeads(['生育津贴按什么标准发'], [leave], leave, [['生育津贴'], ['标准']]);
    expect(none).toBeUndefined();
  });

  it('still reads an amount, a share or an area as the standard', () => {
    const grant = piece('对疫情防控期间新增就业岗位的小微企业，按每人1000元标准给予补贴。');
    const [lead] = numberLeads(['小微企业补助的标准是什么'], [grant], grant, [
      ['小微企业'],
      ['补助'],
      ['标准'],
    ]);
    expect(lead?.text).toBe('1000元');
    const small = piece('小餐饮是指经营场所使用面积在五十平方米以下的餐饮服务提供者。');
    const [area] = numberLeads(['面积有没有标准'], [small], small, [['面积'], ['标准']]);
    expect(area?.text).toBe('五十平方米以下');
  });

  it('keeps a span when the question asks one besides 标准', () => {
    const leave = piece('女职工生育享受98天产假。');
    const [lead] = numberLeads(['产假按标准能休几天'], [leave], leave, [['产假'], ['标准']]);
    expect(lead?.text).toBe('98天');
  });
});

describe('numberLeads over a list', () => {
  it('reads the item naming most of the question, not the first item with a number', () => {
    const items = [
      '（一）驾驶自行车、三轮车必须年满12周岁；',
      '（二）驾驶电动自行车和残疾人机动轮椅车必须年满16周岁；',
    ].map((text, i) => ({ text, start: i * 40, end: i * 40 + text.length, passageIndex: 0 }));
    const question = '几岁可以骑电动车？';
    const groups = [
      ['骑', '骑行'],
      ['电动车', '电动自行车'],
    ];
    expect(numberLeads([question], items, items[0], groups).map((l) => l.text)).toEqual(['16周岁']);
  });
});

describe('numberLead for a span asked by its bound', () => {
  const part = '青岛设立财政专项资金，执行期一般最长能定几年';

  it('reads the bound, not the threshold of a condition or the span of a plan', () => {
    expect(numberLead(part, '应当设定执行期限且一般不超过五年。')).toBe('五年');
    expect(
      numberLead(part, '对设定的执行期限超过三年的专项资金，财政部门应当一并组织中期绩效评估。'),
    ).toBeUndefined();
    expect(numberLead(part, '并提供本部门三年事业发展中期规划和可行性研究报告。')).toBeUndefined();
  });

  it('reads a period stated before its length', () => {
    expect(
      numberLead(
        '网约车道路运输证最长能用几年？',
        '网约车道路运输证的有效期限为车辆行驶证载明的初次注册之日起八年，有效期满不予延续。',
      ),
    ).toBe('八年');
  });
});

describe('numberLeads', () => {
  it('leads a part from the sentence added for it, though it holds a later part’s word', () => {
    // 不超过五年 holds the 超过 of the second part; it was added to answer the first.
    const rule = '对设定的执行期限超过三年的专项资金，财政部门应当一并组织对专项资金进行中期绩效评估。';
    const bound = '（四）除法律、法规另有规定外，应当设定执行期限且一般不超过五年。';
    const pieces = [rule, bound].map((text, i) => ({
      text,
      start: i * 60,
      end: i * 60 + text.length,
      passageIndex: i,
    }));
    const parts = ['青岛设立财政专项资金，执行期一般最长能定几年', '执行期超过几年的要做中期绩效评估'];
    const groups = [['专项资金'], ['执行期', '执行+期限'], ['最长'], ['超过'], ['中期'], ['绩效'], ['评估']];
    const leads = numberLeads(parts, pieces, pieces[0], groups, [], new Map([[parts[0], pieces[1]]]));
    expect(leads.map((l) => l.text.split('：')[1])).toEqual(['五年', '三年']);
    expect(leads[0].start).toBe(pieces[1].start);
    // Without it, 五年 would be read for the later part and the first would get no lead.
    expect(numberLeads(parts, pieces, pieces[0], groups).map((l) => l.text.split('：')[1])).not.toContain(
      '五年',
    );
  });

  it('gives a number to the later part whose own words stand in its clause, not to the part asked first', () => {
    const text =
      '区（市）水行政主管部门应当在十个工作日内对备案内容进行核实，发现存在问题的，应当书面告知整改。';
    const anchor = { text, start: 0, end: text.length, passageIndex: 0 };
    const parts = ['正式供水前得提前多久去区里报备', '区里多长时间给核实'];
    const groups = [['正式'], ['供水'], ['提前'], ['报备'], ['区里'], ['核实']];
    expect(numberLeads(parts, [anchor], anchor, groups).map((l) => l.text)).toEqual([
      '区里多长时间给核实：十个工作日',
    ]);
    // A later part that leaves out the subject an earlier one named still gets its number.
    const issued = '申请材料齐全的，公安机关应当自受理之日起六十日内发放居民身份证。';
    const valid = '居民身份证的有效期为二十年。';
    const pieces = [valid, issued].map((t, i) => ({
      text: t,
      start: i * 40,
      end: i * 40 + t.length,
      passageIndex: i,
    }));
    const asked = ['身份证的有效期是几年', '交了材料后多久能拿到'];
    const words = [['身份证'], ['有效期'], ['材料'], ['拿到']];
    expect(numberLeads(asked, pieces, pieces[0], words).map((l) => l.text.split('：')[1])).toEqual([
      '二十年',
      '六十日',
    ]);
  });

  it("leads with what the citizen's tier gets, not with the tier's bounds", () => {
    const question = '我交了6年失业保险，最长能领多久？';
    const items = [
      '累计缴费满一年不足五年的，领取失业保险金的期限最长为十二个月；',
      '累计缴费满五年不足十年的，领取失业保险金的期限最长为十八个月；',
    ].map((text, i) => ({ text, start: i * 40, end: i * 40 + text.length, passageIndex: 0 }));
    const leads = numberLeads([question], items, items[0], [['失业保险']], statedValues(question));
    expect(leads.map((l) => l.text)).toEqual(['十八个月']);
    expect(leads[0].start).toBe(items[1].start);
  });

  it('reads a tier stated with 满 ("工作满10年"), which holds the lower bound of the next tier', () => {
    const question = '年休假怎么计算？工作满10年有几天？';
    const items = [
      '职工累计工作已满1年不满10年的，年休假5天；',
      '已满10年不满20年的，年休假10天；',
      '已满20年的，年休假15天。',
    ].map((text, i) => ({ text, start: i * 40, end: i * 40 + text.length, passageIndex: 0 }));
    const leads = numberLeads(['工作满10年有几天'], items, items[0], [['年休假']], statedValues(question));
    expect(leads.map((l) => l.text)).toEqual(['10天']);
  });

  it("leads with the listed range that holds the citizen's stated value, not the first item", () => {
    const at = (text: string, start: number) => ({ text, start, end: start + text.length, passageIndex: 0 });
    const anchor = at('对被测房间室温不合格的天数，供热单位应当按照下列标准向用户退还热费：', 0);
    const items = [
      at('（一）供热温度高于或者等于16℃、低于18℃的，退还热费的20%；', 40),
      at('（二）供热温度高于或者等于14℃、低于16℃的，退还热费的50%；', 80),
    ];
    const question = '暖气只有15度，供热公司得给我退多少钱？';
    const groups = [
      ['暖气', '供热'],
      ['供热公司', '供热单位'],
    ];
    const leads = numberLeads([question], items, anchor, groups, statedValues(question));
    expect(leads.map((l) => [l.text, l.start])).toEqual([['50%', 80]]);
    // Without a stated value the first amount leads, as before.
    expect(numberLeads(['退多少钱？'], items, anchor, groups).map((l) => l.text)).toEqual(['20%']);
    // A value no listed range holds gives no lead rather than another case's amount.
    expect(numberLeads(['只有20度，退多少钱？'], items, anchor, groups, statedValues('只有20度'))).toEqual(
      [],
    );
  });

  it('answers each number part of a multi-part question, labelled by its quantity', () => {
    const anchor = {
      text: '力争通用数据中心标准机架数达6.5万架，智能算力占比达35%。',
      start: 10,
      end: 40,
      passageIndex: 0,
    };
    const leads = numberLeads(
      ['通用数据中心的标准机架数目标是多少', '智能算力占比要达到多少'],
      [anchor],
      anchor,
      [['通用'], ['数据中心'], ['标准'], ['机架'], ['智能'], ['算力'], ['占比'], ['达到']],
    );
    expect(leads.map((l) => l.text)).toEqual(['机架：6.5万架', '占比：35%']);
    expect(leads[0]).toMatchObject({ start: 10, end: 40, passageIndex: 0 });
  });

  it("reads each part's number where that part is answered, the citizen's value in its own part", () => {
    const anchor = piece('居民身份证有效期满的，公民应当换领新证。', 0);
    const wide = piece('十六周岁以上公民的居民身份证的有效期为十年、二十年、长期。', 0, 1);
    const narrow = piece('二十六周岁至四十五周岁的，发给有效期二十年的居民身份证。', 40, 1);
    const issued = piece('公安机关应当自公民提交登记表之日起六十日内发放居民身份证。', 0, 2);
    const question = '我今年30岁，身份证快到期了，有效期是几年？交了材料后多久能拿到？';
    const parts = ['我今年30岁，身份证快到期了，有效期是几年', '交了材料后多久能拿到'];
    const groups = [['身份证', '居民身份证'], ['有效期'], ['材料'], ['拿到']];
    const leads = numberLeads(
      parts,
      [wide, narrow, issued],
      anchor,
      groups,
      statedValues(question),
      new Map([[parts[1], issued]]),
    );
    // The narrowest range that holds 30 (二十六至四十五周岁), not the first (十六周岁以上); the second
    // part's number from the sentence added for it, labelled by its clause (it names no quantity).
    expect(leads.map((l) => l.text)).toEqual(['有效期：二十年', '交了材料后多久能拿到：六十日']);
    // Without the added sentence the second part has no number of its own to lead with.
    expect(
      numberLeads(parts, [wide, narrow], anchor, groups, statedValues(question)).map((l) => l.text),
    ).toEqual(['有效期：二十年']);
  });

  it("answers 罚多少 with the fine's amount, or with no number when no quoted sentence states one", () => {
    const rule = piece('（二）在车站出入口周边五米范围内擅自停放车辆、堆放物品；', 0);
    const fine = piece('有第三项至六项行为之一的，处五十元以上一百元以下罚款；', 0, 1);
    const groups = [['滑板'], ['地铁站', '车站']];
    expect(numberLeads(['罚多少？'], [fine], rule, groups).map((l) => l.text)).toEqual([
      '五十元以上一百元以下',
    ]);
    expect(numberLeads(['罚多少？'], [], rule, groups)).toEqual([]);
    // Not a penalty ask: the rule's own number still leads.
    expect(numberLeads(['出入口多少米内不能停车？'], [], rule, groups).map((l) => l.text)).toEqual(['五米']);
  });
});

describe('yesNoLead', () => {
  it('says 不可以 for a prohibition and 可以 for a permission', () => {
    expect(yesNoLead('幼儿园招生前考一考，这个允许吗？', '幼儿园不得进行任何形式的考试或者测查。')).toBe(
      '不可以',
    );
    expect(yesNoLead('学员可以自己挑教练吗？', '学员有权选择教练员。')).toBe('可以');
    // A duty asked (需要…吗) is not answered by what a sentence permits someone else.
    const taxi = '乘客携带宠物乘车的，出租汽车驾驶员有权拒绝提供营运服务。';
    expect(yesNoLead('在青岛养猫需要登记吗？', taxi)).toBeUndefined();
    // Asked whether one may as well, a permission still answers.
    expect(yesNoLead('需要的话，学员能自己挑教练吗？', '学员有权选择教练员。')).toBe('可以');
  });

  it('gives no 可以/不可以 when the question asks whether a rule exists', () => {
    const handover = '未经验收或者验收不合格的，不得交付使用。';
    expect(yesNoLead('开发商说信报箱不是必须装的。山东这边有规定吗？', handover)).toBeUndefined();
    expect(yesNoLead('有没有相关规定？', handover)).toBeUndefined();
    // Asked whether one may, the prohibition answers.
    expect(yesNoLead('没验收能交房吗？', handover)).toBe('不可以');
  });

  it('reads no 不可以 from a duty towards those who cannot (确实不能到校就读的…)', () => {
    const duty =
      '教育行政部门应当将确实不能到校就读的适龄重度残疾儿童少年纳入学籍管理，选派教师送教上门或者提供远程教育。';
    expect(yesNoLead('孩子去不了学校，那他的义务教育就没法上了吗？', duty)).not.toBe('不可以');
  });

  it("reads no 可以 from a sanction: it is the authority's power over the act asked about", () => {
    const q = '幼儿园让商业广告进来，这个允许吗？';
    expect(yesNoLead(q, '允许商业广告、商业活动进入幼儿园的。')).toBe('可以');
    expect(
      yesNoLead(q, '有违法所得的，没收违法所得：（七）允许商业广告、商业活动进入幼儿园的。'),
    ).toBeUndefined();
  });

  it('answers a penalty question with 会 only from a sanction, never with 可以/不可以', () => {
    const q = '过年在自家阳台上放挂鞭，会挨罚吗？';
    expect(
      yesNoLead(q, '违反本规定燃放烟花爆竹的，由公安机关责令停止燃放，处三百元以上五百元以下罚款。'),
    ).toBe('会，违反规定的要受处罚');
    expect(yesNoLead(q, '下列场所禁止燃放烟花爆竹：')).toBeUndefined();
  });

  it('reads no fee question into 公交, 收藏 or 交给: 不需要 answers only whether a sum is to be paid', () => {
    const perk =
      '（七）六十五周岁以上免费乘坐市内公共交通工具，不满六十五周岁按照当地有关规定免费或者半价乘坐市内公共交通工具；';
    expect(yesNoLead('青岛的公交车老年人免费吗？', perk)).toBeUndefined();
    const free = '人民调解委员会调解民间纠纷，不收取任何费用。';
    expect(yesNoLead('调解要交钱吗？', free)).toBe('不需要');
    expect(yesNoLead('请人民调解委员会调解收费吗？', free)).toBe('不需要');
    expect(yesNoLead('这笔调解费必须交吗？', free)).toBe('不需要');
  });

  it('reads no 不可以 from a prohibition for a question that asks a duty', () => {
    const rule = '禁止驱使或者放任犬只恐吓、伤害他人。犬只伤害他人的，养犬人应当依法承担相应的民事责任。';
    expect(yesNoLead('被别人家的狗咬了，狗主人要负责吗？', rule)).toBeUndefined();
    // Asked whether one may, the prohibition answers.
    expect(yesNoLead('能放狗去吓唬人吗？', rule)).toBe('不可以');
  });

  it('names the condition when the permission has one', () => {
    expect(yesNoLead('能抱着狗打车吗？', '携犬乘坐出租车的，可以征得驾驶员同意后乘坐。')).toBe(
      '可以，但要符合规定',
    );
  });

  it('says 不符合规定 when a question whether the conduct is lawful meets a rule against it', () => {
    const q = '签证还没下来，单位就要停我工资，还让我交一笔保证金，这合理吗？';
    const rule = '所在单位不得因其申请出境而对其停发工资，并且不得收取保证金、抵押金。';
    // Not 不需要: the question asks whether the unit may, not whether the citizen must pay.
    expect(yesNoLead(q, rule)).toBe('不符合规定');
    expect(
      yesNoLead('学校安排学生去KTV实习，这样合规吗？', '违反本条例规定的，处三万元以上十万元以下罚款。'),
    ).toBe('不符合规定');
    expect(yesNoLead('这样合规吗？', '学校应当为实习学生购买实习责任保险。')).toBeUndefined();
  });

  it('says 不需要 when a fee question meets an exemption', () => {
    expect(yesNoLead('鉴定费要自己出吗？', '残疾人免交残疾鉴定费和残疾人证工本费。')).toBe('不需要');
  });

  it('reads 免征 and 免缴 as exemptions: a tax waived is not a permission (予以) to pay it', () => {
    const waived = '初次来华携带进境的个人自用的照相机、便携式计算机，报经海关审核，予以免征进口税。';
    expect(yesNoLead('随身带的电脑和相机要交进口税吗？', waived)).toBe('不需要');
    expect(yesNoLead('海域使用金要交吗？', '养殖用海的，免缴海域使用金。')).toBe('不需要');
  });

  it('reads a fee named after 交 or 缴 (交仲裁费, 缴物业费) as a question whether it costs', () => {
    const allows = '当事人申请劳动争议仲裁后，可以自行和解。';
    expect(yesNoLead('申请劳动仲裁要交仲裁费吗？', allows)).toBeUndefined();
    expect(yesNoLead('申请劳动仲裁要交仲裁费吗？', '劳动争议仲裁不收费。')).toBe('不需要');
  });

  it('reads no 可以 for a question whether it costs: a sentence allowing the act does not answer it', () => {
    const q = '想请人民调解委员会来调解，调解要收钱吗？';
    expect(yesNoLead(q, '当事人可以申请人民调解委员会调解，但应当提交书面材料。')).toBeUndefined();
    expect(yesNoLead(q, '人民调解委员会调解民间纠纷，不收取任何费用。')).toBe('不需要');
  });

  it('stays silent when the sentence allows and forbids, or the question is not yes/no', () => {
    expect(yesNoLead('能不能随便摁喇叭？', '禁止机动车辆鸣喇叭，紧急情况下可以短鸣。')).toBeUndefined();
    expect(yesNoLead('谁来管？', '不得设置地锁。')).toBeUndefined();
  });
});
