import { describe, expect, it } from 'vitest';
import { composeGuideAnswer } from '../../src/answer/compose-guide.js';
import { guideAsks } from '../../src/answer/guide-asks.js';
import { parseServiceGuide } from '../../src/answer/service-guide.js';

/** A guide in the corpus's shape: `**字段**：值` lines and a `## 申请材料` list. */
const GUIDE = `# 保安员证核发(遗失补发保安员证)

**事项类型**：行政许可

**实施主体**：广州市公安局

**受理条件**：年满18周岁，身体健康，品行良好的中国公民。

**办理地点**：办理地点：广州市天河区华利路61号5楼综合受理窗口

**法定办结时限**：60(工作日)

**承诺办结时限**：1(工作日)

**到现场次数**：0

**是否支持物流快递**：是

**是否支持网上预约**：否

**受理平台**：广东省保安服务监管信息系统

**咨询电话**：020-12345

## 申请材料

1. 办理保安员证补办业务委托书
2. 保安员证补办申请书
`;

const guide = () => {
  const g = parseServiceGuide(GUIDE);
  if (!g) throw new Error('not parsed');
  return g;
};

describe('parseServiceGuide', () => {
  it('reads every field with offsets into the text', () => {
    const g = guide();
    const limit = g.fields.get('承诺办结时限');
    expect(limit?.value).toBe('1(工作日)');
    expect(GUIDE.slice(limit?.valueStart, limit?.valueEnd)).toBe('1(工作日)');
    expect(GUIDE.slice(limit?.start, limit?.end)).toBe('**承诺办结时限**：1(工作日)');
    expect(g.fields.size).toBe(11);
  });

  it('reads a list section item by item, enumerators kept', () => {
    const list = guide().lists.get('申请材料');
    expect(list?.items.map((i) => i.text)).toEqual([
      '1. 办理保安员证补办业务委托书',
      '2. 保安员证补办申请书',
    ]);
    for (const item of list?.items ?? []) expect(GUIDE.slice(item.start, item.end)).toBe(item.text);
  });

  it('takes a text with a bold label or two for no guide', () => {
    expect(parseServiceGuide('**注意**：本办法自发布之日起施行。\n\n**附件**：无')).toBeUndefined();
  });
});

describe('guideAsks', () => {
  it('maps a citizen’s words to fields, in the order asked', () => {
    const asks = guideAsks('补一个要多久？需要跑现场吗？能寄到家吗？');
    expect(asks.map((a) => a.label)).toEqual(['办理时限', '到现场次数', '邮寄']);
    expect(asks[0].fields).toEqual(['承诺办结时限', '法定办结时限']);
  });

  it("reads no ask in the words of the guide's own name", () => {
    const title = '养老保险参保缴费凭证申请';
    // 缴费 begins 缴费凭证, the thing applied for: no fee is asked.
    expect(guideAsks('在广东省社保局开个养老保险缴费凭证，要等几天？', title).map((a) => a.label)).toEqual([
      '办理时限',
    ]);
    expect(guideAsks('开养老保险缴费凭证要交费吗？', title).map((a) => a.label)).toEqual(['收费']);
    const visit = '预约现场探访司法强制隔离戒毒所收治的戒毒人员';
    expect(guideAsks('去戒毒所预约现场探访家属，要准备什么材料？', visit).map((a) => a.label)).toEqual([
      '申请材料',
    ]);
    // Without the title, the same words read as asks.
    expect(guideAsks('去戒毒所预约现场探访家属，要准备什么材料？').map((a) => a.label)).toContain('网上预约');
  });

  it('reads where to apply online as the platform, not the counter (网上在哪提交, 走哪个系统)', () => {
    expect(guideAsks('补办要跑几趟？网上在哪提交？').map((a) => a.label)).toEqual(['到现场次数', '网上办理']);
    expect(guideAsks('要本人去现场几次？网上走哪个系统？').map((a) => a.label)).toEqual([
      '到现场次数',
      '网上办理',
    ]);
    // 在哪 without 网上 asks for the counter.
    expect(guideAsks('补办在哪办？').map((a) => a.label)).toEqual(['办理地点']);
  });

  it('takes 投诉电话 for the complaint line, not the enquiry line', () => {
    expect(guideAsks('投诉电话是多少？').map((a) => a.label)).toEqual(['监督投诉电话']);
  });

  it("reads the applicant's own deadline as 受理条件, not as the office's time", () => {
    const asks = guideAsks('外国同事入境后多少天内要去办居留证件？办好要多久？');
    expect(asks.map((a) => a.label)).toEqual(['申请期限', '办理时限']);
    expect(asks[0].fields).toEqual(['受理条件']);
    // The deadline's 多少天 is no time ask of its own …
    expect(guideAsks('拿到证明书后多少天内可以申请鉴定？').map((a) => a.label)).toEqual(['申请期限']);
    // … and the office's reply time stays one.
    expect(guideAsks('多少天内给答复？').map((a) => a.label)).toEqual(['办理时限']);
  });

  it('finds no ask in a question about something else', () => {
    expect(guideAsks('军人退役后参加养老保险，要自己去申请转移接续吗？')).toEqual([]);
  });
});

describe('composeGuideAnswer', () => {
  const texts = (question: string) =>
    composeGuideAnswer(guide(), guideAsks(question)).lines.map((l) => l.text);

  it('answers each ask from its field, then what goes with it', () => {
    expect(texts('补一个要多久？需要跑现场吗？')).toEqual([
      '承诺办结时限：1(工作日)',
      '法定办结时限：60(工作日)',
      '到现场次数：0次（无需到现场）',
      '受理平台：广东省保安服务监管信息系统',
    ]);
  });

  it('lists materials one per line, where they go, and closes with the processing time', () => {
    const { lines } = composeGuideAnswer(guide(), guideAsks('要交什么材料？'));
    expect(lines.map((l) => l.text)).toEqual([
      '申请材料：',
      '1. 办理保安员证补办业务委托书',
      '2. 保安员证补办申请书',
      // The materials are handed in somewhere: the counter, and, as no visit is needed, the platform.
      '办理地点：广州市天河区华利路61号5楼综合受理窗口',
      '受理平台：广东省保安服务监管信息系统',
      '到现场次数：0次（无需到现场）',
      '承诺办结时限：1(工作日)',
      '法定办结时限：60(工作日)',
    ]);
    expect(lines[0].span).toBeUndefined();
    expect(lines.slice(1, 3).every((l) => l.item && l.key === '申请材料')).toBe(true);
  });

  it('cites each field by its own line of the guide', () => {
    const { lines } = composeGuideAnswer(guide(), guideAsks('在哪里办？电话多少？'));
    const place = lines.find((l) => l.key === '办理地点');
    expect(place?.text).toBe('办理地点：广州市天河区华利路61号5楼综合受理窗口');
    expect(GUIDE.slice(place?.span?.start, place?.span?.end)).toBe(
      '**办理地点**：办理地点：广州市天河区华利路61号5楼综合受理窗口',
    );
    expect(lines.find((l) => l.key === '咨询电话')?.text).toBe('咨询电话：020-12345');
  });

  it('says yes or no for appointment and delivery', () => {
    expect(texts('能网上预约吗？能邮寄吗？').slice(0, 2)).toEqual([
      '不支持网上预约',
      '支持物流快递（可邮寄）',
    ]);
  });

  it('reports an asked field the guide lacks and shows the conditions instead', () => {
    const { lines, missing } = composeGuideAnswer(guide(), guideAsks('要交钱吗？'));
    expect(missing).toEqual(['收费']);
    expect(lines[0].text).toBe('受理条件：年满18周岁，身体健康，品行良好的中国公民。');
  });

  it('splits conditions that enumerate items into a lead and item lines', () => {
    const text = `**事项类型**：行政许可\n\n**实施主体**：省卫健委\n\n**行政区划**：广东省\n\n**受理条件**：（一）具有医师执业证书； （二）具有中级以上职称；\n\n**到现场次数**：1\n`;
    const g = parseServiceGuide(text);
    if (!g) throw new Error('not parsed');
    const lines = composeGuideAnswer(g, guideAsks('需要满足什么条件？')).lines.filter(
      (l) => l.key === '受理条件',
    );
    expect(lines.map((l) => l.text)).toEqual([
      '受理条件：',
      '（一）具有医师执业证书；',
      '（二）具有中级以上职称；',
    ]);
    for (const l of lines.slice(1)) expect(text.slice(l.span?.start, l.span?.end)).toBe(l.text);
  });
});
