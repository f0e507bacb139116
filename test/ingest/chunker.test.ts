import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Chunk, SourceDocument } from '../../src/domain.js';
import { chunkDocument, splitSpan } from '../../src/ingest/chunker.js';
import { loadDocumentFromText } from '../../src/ingest/load-document.js';

const seedText = readFileSync(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url), 'utf8');

function expectOffsets(doc: SourceDocument, chunks: Chunk[]) {
  expect(chunks.length).toBeGreaterThan(0);
  chunks.forEach((c, i) => {
    expect(c.id).toBe(`${doc.id}#${i}`);
    expect(c.docId).toBe(doc.id);
    expect(c.text).toBe(doc.text.slice(c.start, c.end));
    expect(c.text).toBe(c.text.trim());
    if (i > 0) expect(c.start).toBeGreaterThanOrEqual(chunks[i - 1].start);
  });
}

describe('chunkDocument on the seed', () => {
  const doc = loadDocumentFromText('000_204df86a34e42382', seedText);
  const chunks = chunkDocument(doc);

  it('keeps offsets, puts 一、… headings in the path and leaves page chrome out', () => {
    expectOffsets(doc, chunks);
    expect(chunks.every((c) => c.headingPath[0] === '《数字青岛2025年行动方案》政策解读')).toBe(true);
    const sectionHeads = chunks.map((c) => c.headingPath[1]).filter(Boolean);
    expect(new Set(sectionHeads)).toEqual(
      new Set([
        '一、实施数字经济提质工程',
        '二、实施数字政府提质工程',
        '三、实施数字文化提质工程',
        '四、实施数字社会提质工程',
        '五、实施数字生态文明提质工程',
        '六、实施数据基础设施筑基工程',
        '七、实施综合保障体系配套工程',
      ]),
    );
    for (const c of chunks) {
      expect(c.text).not.toContain('扫一扫');
      expect(c.text).not.toContain('字体大小');
      expect(c.text.length).toBeLessThanOrEqual(480);
    }
  });

  it('keeps each key sentence inside one chunk', () => {
    for (const quote of ['力争5G基站数达4.5万个', '占地区生产总值比重达到12%以上', '7个方面推进54项任务']) {
      const holder = chunks.filter((c) => c.text.includes(quote));
      expect(holder.length, quote).toBeGreaterThan(0);
    }
    const base = chunks.find((c) => c.text.includes('4.5万个'));
    expect(base?.headingPath).toEqual(['《数字青岛2025年行动方案》政策解读', '六、实施数据基础设施筑基工程']);
  });

  it('gives the metadata lines a small chunk of their own (发文字号 questions)', () => {
    const meta = chunks.find((c) => c.text.includes('发文字号'));
    expect(meta?.text).toContain('青政办字【2025】21号');
    expect(meta?.text).not.toContain('为深入贯彻');
    expect(meta?.text.length).toBeLessThan(120);
  });
});

const LAW = [
  '# 中华人民共和国某某法',
  '',
  '2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议修订',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一章  总　则',
  '',
  '第一条 为了规范管理，制定本法。',
  '',
  '第二条 本法适用于全国。',
  '',
  '前款规定的情形除外。',
  '',
  '## 第二章 职责',
  '',
  '### 第一节 一般规定',
  '',
  `第十条 ${'检察官应当履行下列职责，依法办理案件。'.repeat(40)}`,
  '',
  '第十条之一 短的条文。',
  '',
].join('\n');

describe('chunkDocument on a law', () => {
  const doc = loadDocumentFromText('law-1', LAW);
  const chunks = chunkDocument(doc);

  it('gives one chunk per article with 章/节 in the path', () => {
    expectOffsets(doc, chunks);
    const first = chunks.find((c) => c.article === '第一条');
    expect(first?.text).toBe('第一条 为了规范管理，制定本法。');
    expect(first?.headingPath).toEqual(['《中华人民共和国某某法》', '第一章 总则', '第一条']);
    const second = chunks.filter((c) => c.article === '第二条');
    expect(second).toHaveLength(1);
    expect(second[0].text).toBe('第二条 本法适用于全国。\n\n前款规定的情形除外。');
    const short = chunks.find((c) => c.article === '第十条之一');
    expect(short?.headingPath).toEqual([
      '《中华人民共和国某某法》',
      '第二章 职责',
      '第一节 一般规定',
      '第十条之一',
    ]);
    expect(chunks.some((c) => c.text.includes('INFO END'))).toBe(false);
  });

  it('splits a long article at sentences, bounded, with the same label and overlap', () => {
    const parts = chunks.filter((c) => c.article === '第十条');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(480 + 60);
      expect(p.headingPath.at(-1)).toBe('第十条');
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(parts[1].start).toBeLessThan(parts[0].end);
  });
});

describe('chunkDocument on a long one-line notice', () => {
  const body = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `对受疫情影响较大的中小企业第${i + 1}项措施给予支持，补助金额不超过50万元。`,
    ).join('');
  const text = `某省税务局 各市税务局：现提出以下要求。 一、支持疫情防控物资供应 ${body(30)} 二、帮扶中小企业持续发展 ${body(3)} （一）延长申报期限 ${body(2)}`;
  const doc = loadDocumentFromText('ncp-1', text);
  const chunks = chunkDocument(doc);

  it('cuts at inline headings and sentences, every chunk within the bound', () => {
    expectOffsets(doc, chunks);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(540);
    expect(chunks.some((c) => c.headingPath.includes('一、支持疫情防控物资供应'))).toBe(true);
    const nested = chunks.find((c) => c.text.includes('（一）延长申报期限'));
    expect(nested?.headingPath.slice(1)).toEqual(['二、帮扶中小企业持续发展', '（一）延长申报期限']);
  });
});

describe('splitSpan', () => {
  const opts = { maxChars: 20, minChars: 5, overlapChars: 8 };
  it('packs whole sentences and overlaps by whole sentences', () => {
    const s = '第一句话。第二句话。第三句。第四句很长很长的话语。';
    const pieces = splitSpan(s, 0, s.length, opts).map((p) => s.slice(p.start, p.end));
    expect(pieces).toEqual(['第一句话。第二句话。第三句。', '第三句。第四句很长很长的话语。']);
  });
  it('folds a tail shorter than minChars into the piece before', () => {
    const s = '第一句话很长很长啊。第二句话很长很长啊。短。';
    const pieces = splitSpan(s, 0, s.length, { ...opts, overlapChars: 0 }).map((p) =>
      s.slice(p.start, p.end),
    );
    expect(pieces).toEqual([s]);
  });
  it('cuts a sentence with no punctuation hard at the bound', () => {
    const s = '甲'.repeat(45);
    const pieces = splitSpan(s, 0, s.length, { ...opts, minChars: 1 });
    expect(pieces.map((p) => p.end - p.start)).toEqual([20, 20, 5]);
  });
});
