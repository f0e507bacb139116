import { describe, expect, it } from 'vitest';
import { askedDocumentFacts, documentFactLines } from '../../src/answer/document-facts.js';
import type { DocumentMeta } from '../../src/domain.js';

const TEXT = `【文字解读】《数字青岛2025年行动方案》政策解读
  • 发布日期 2025-05-16
  • 发文字号 青政办字【2025】21号
正文……
解读单位:市大数据局政策和规划处
联系电话:85912190`;

const META: DocumentMeta = {
  id: 'seed',
  title: '《数字青岛2025年行动方案》政策解读',
  type: '政策解读',
  sourcePath: 'seed.txt',
  publishDate: '2025-05-16',
  docNumber: '青政办字【2025】21号',
  authority: '市大数据局政策和规划处',
  phone: '85912190',
};

describe('questions about the document itself', () => {
  it('reads the facts asked, in question order, only when the question speaks of the document', () => {
    expect(askedDocumentFacts('这份文件的发文字号是什么？什么时候发布的？')).toEqual([
      'docNumber',
      'publishDate',
    ]);
    expect(askedDocumentFacts('这份政策解读是哪个部门做的？有问题打什么电话？')).toEqual([
      'authority',
      'phone',
    ]);
    // A question about the topic, not about the document, asks no document fact.
    expect(askedDocumentFacts('办居住证要打什么电话？')).toEqual([]);
  });

  it('quotes each value from the header line that states it, without the bullet', () => {
    const lines = documentFactLines(['publishDate', 'authority', 'phone'], META, TEXT);
    expect(lines.map((l) => l.text)).toEqual([
      '发布日期：2025-05-16',
      '解读单位：市大数据局政策和规划处',
      '联系电话：85912190',
    ]);
    expect(lines.map((l) => TEXT.slice(l.start, l.end))).toEqual([
      '发布日期 2025-05-16',
      '解读单位:市大数据局政策和规划处',
      '联系电话:85912190',
    ]);
    // A value the text does not hold, or a fact the meta lacks, gives no line.
    expect(documentFactLines(['docNumber'], { ...META, docNumber: '鲁政发〔2020〕1号' }, TEXT)).toEqual([]);
    expect(documentFactLines(['phone'], { ...META, phone: undefined }, TEXT)).toEqual([]);
  });
});
