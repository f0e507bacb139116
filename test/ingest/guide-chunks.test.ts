import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunker.js';
import { loadDocumentFromText } from '../../src/ingest/load-document.js';
import { parseGuideFields } from '../../src/text/guide-fields.js';

/** A guide record as the shared corpus renders one (abridged from a 广州市公安局 record). */
const GUIDE = `# 保安员证核发(遗失补发保安员证)

**事项类型**：行政许可

**实施主体**：广州市公安局

**行政区划**：广东省广州市

**事项层级**：市级

**服务对象**：自然人

**受理条件**：年满18周岁，身体健康，品行良好，具有初中以上学历的中国公民。

**办理地点**：办理地点：广州市天河区珠江新城华利路61号5楼综合受理窗口

**法定办结时限**：60(工作日)

**承诺办结时限**：1(工作日)

**到现场次数**：0

**是否支持物流快递**：是

**是否支持网上预约**：是

**咨询电话**：020-12345

**监督投诉电话**：020-12345

## 申请材料

1. 办理保安员证补办业务委托书
2. 保安员证补办申请书
3. 广东省非税收入（电子）票据
`;

describe('a 办事指南 record is chunked per field group', () => {
  const doc = loadDocumentFromText('gdsg-test', GUIDE);
  const chunks = chunkDocument(doc);

  it('keeps every chunk an exact slice of the file text', () => {
    for (const c of chunks) expect(c.text).toBe(doc.text.slice(c.start, c.end));
  });

  it('heads every chunk with the title, the 实施主体 and the field group', () => {
    expect(chunks.map((c) => c.headingPath)).toEqual(
      ['事项信息', '受理条件', '办理地点', '办结时限', '办理方式', '咨询电话', '申请材料'].map((g) => [
        '《保安员证核发(遗失补发保安员证)》',
        '广州市公安局',
        g,
      ]),
    );
  });

  it('covers whole field lines, the way the evidence quotes them', () => {
    const time = chunks.find((c) => c.headingPath[2] === '办结时限');
    expect(time?.text).toBe('**法定办结时限**：60(工作日)\n\n**承诺办结时限**：1(工作日)');
    const visits = chunks.find((c) => c.headingPath[2] === '办理方式');
    expect(visits?.text.startsWith('**到现场次数**：0')).toBe(true);
    expect(visits?.text.endsWith('**是否支持网上预约**：是')).toBe(true);
    const list = chunks.find((c) => c.headingPath[2] === '申请材料');
    expect(list?.text).toContain('1. 办理保安员证补办业务委托书\n2. 保安员证补办申请书');
    expect(list?.text.endsWith('票据')).toBe(true);
  });

  it('splits a long field at sentences and keeps its heading', () => {
    const long = GUIDE.replace(
      /\*\*受理条件\*\*：[^\n]*/,
      `**受理条件**：${'申请人应当具有完全民事行为能力并持有有效身份证明。'.repeat(30)}`,
    );
    const d = loadDocumentFromText('gdsg-long', long);
    const parts = chunkDocument(d).filter((c) => c.headingPath[2] === '受理条件');
    expect(parts.length).toBeGreaterThan(1);
    for (const c of parts) {
      expect(c.text).toBe(d.text.slice(c.start, c.end));
      expect(c.end - c.start).toBeLessThanOrEqual(480);
    }
  });

  it('leaves a text with a few bold labels to the prose chunker', () => {
    const notice =
      '# 通知\n\n**联系人**：张三\n\n**联系电话**：0532-1234567\n\n各区市人民政府：现将有关事项通知如下。';
    expect(parseGuideFields(notice)).toBeUndefined();
    const c = chunkDocument(loadDocumentFromText('notice', notice));
    expect(c.every((x) => x.headingPath.length === 1)).toBe(true);
  });
});
