import type { Chunk, DocumentMeta, SourceDocument } from '../../../src/domain.js';
import { HashingEmbedder } from '../../../src/index/hashing-embedder.js';
import type { IndexedChunk, IndexIdentity } from '../../../src/index/search-store.js';
import { CharBigramTokenizer } from '../../fakes/char-bigram-tokenizer.js';

/** Small documents, a bigram tokenizer and a hashing embedder: store tests without jieba. */
export const tokenizer = new CharBigramTokenizer({ 公积金: ['住房公积金'] });
export const embedder = new HashingEmbedder({ tokenizer, dimensions: 64 });
export const identity: IndexIdentity = {
  schemaVersion: 1,
  embedderId: embedder.id,
  dimensions: 64,
  tokenizerId: tokenizer.id,
};

export function makeDoc(id: string, paragraphs: string[], meta: Partial<DocumentMeta> = {}): SourceDocument {
  const text = paragraphs.join('\n');
  return {
    id,
    path: `/corpus/${id}.txt`,
    text,
    hash: `h-${id}-${text.length}`,
    meta: { id, title: paragraphs[0], type: '政策文件', sourcePath: `${id}.txt`, ...meta },
  };
}

/** One chunk per line, tokens from the bigram tokenizer, vectors from the hashing embedder. */
export async function indexed(doc: SourceDocument): Promise<IndexedChunk[]> {
  let at = 0;
  const chunks: Chunk[] = doc.text.split('\n').map((p, i) => {
    const start = doc.text.indexOf(p, at);
    at = start + p.length;
    const chunk: Chunk = {
      id: `${doc.id}#${i}`,
      docId: doc.id,
      start,
      end: at,
      headingPath: [doc.meta.title],
      text: p,
    };
    const article = /^第[一二三四五六七八九十百]+条/.exec(p)?.[0];
    if (article) chunk.article = article;
    return chunk;
  });
  const vectors = await embedder.embedDocuments(chunks.map((c) => c.text));
  return chunks.map((chunk, i) => ({ chunk, tokens: tokenizer.tokenize(chunk.text), vector: vectors[i] }));
}

export const DOCS: SourceDocument[] = [
  makeDoc(
    'gjj',
    ['住房公积金管理办法', '职工提取住房公积金应当提供证明材料', '第十条 公积金贷款额度最高60万元'],
    {
      authority: '青岛市人民政府办公厅',
      publishDate: '2025-03-01',
      docNumber: '青政办字〔2025〕21号',
    },
  ),
  makeDoc(
    'dog',
    ['青岛市养犬管理条例', '养犬人应当为犬只办理登记', '犬只应当定期免疫', "含引号的'词'与\\反斜杠"],
    {
      authority: '青岛市人民代表大会常务委员会',
      publishDate: '2018-11-02',
      type: '法规',
    },
  ),
  makeDoc(
    '5g',
    ['数字青岛2025年行动方案解读', '推动5G-A基站建设，力争5G基站数达4.5万个', '办理登记全程网办'],
    {
      authority: '青岛市大数据局',
      publishDate: '2025-05-20',
      docNumber: '青数字〔2025〕3号',
      type: '政策解读',
    },
  ),
  makeDoc('ss', ['社会保险登记指南', '用人单位应当办理社会保险登记', '登记材料：营业执照、公积金缴存证明'], {
    authority: '青岛市人力资源和社会保障局',
    publishDate: '2024-01-10',
    type: '办事指南',
  }),
];
