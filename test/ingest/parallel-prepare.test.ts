import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/domain.js';
import { prepareDocuments } from '../../src/ingest/ingest-pipeline.js';
import { prepareDocumentsInParallel } from '../../src/ingest/parallel-prepare.js';
import { packTokens, unpackTokens } from '../../src/ingest/prepare-protocol.js';
import { createJiebaTokenizer, type JiebaTokenizer } from '../../src/text/jieba-tokenizer.js';

function doc(id: string, text: string): SourceDocument {
  return {
    id,
    path: `/tmp/${id}.txt`,
    text,
    hash: id,
    meta: { id, title: id, type: '通知', sourcePath: `/tmp/${id}.txt` } as SourceDocument['meta'],
  };
}

const docs = Array.from({ length: 12 }, (_, i) =>
  doc(
    `d${i}`,
    `关于做好第${i}批“一件事”集成办的通知\n一、总体要求\n力争5G-A基站数达到4.5万个，住房公积金提取办理时限压缩至${i + 1}个工作日。\n第二条 本办法自2025年1月1日起施行。\n`.repeat(
      1 + (i % 4),
    ),
  ),
);

describe('prepareDocumentsInParallel', () => {
  let tokenizer: JiebaTokenizer;
  beforeAll(() => {
    tokenizer = createJiebaTokenizer({ extraTerms: ['集成办'] });
    tokenizer.tokenize('预热');
  }, 60_000);

  it('gives exactly what prepareDocuments gives, in document order, with a worker thread', async () => {
    const expected = prepareDocuments(docs, tokenizer);
    // The main thread only waits, so every batch is the worker's.
    const { prepared, workerSeconds } = await prepareDocumentsInParallel(docs, tokenizer, {
      extraTerms: ['集成办'],
      force: true,
      mainThreadWorks: false,
    });
    expect(workerSeconds).toBeGreaterThan(0);
    expect(prepared.map((p) => p.doc.id)).toEqual(docs.map((d) => d.id));
    expect(prepared.map((p) => p.chunks)).toEqual(expected.map((p) => p.chunks));
    expect(prepared.map((p) => p.tokens)).toEqual(expected.map((p) => p.tokens));
  }, 120_000);

  it('a small corpus stays on the main thread', async () => {
    const { prepared, workerSeconds } = await prepareDocumentsInParallel(docs.slice(0, 2), tokenizer, {
      extraTerms: ['集成办'],
    });
    expect(workerSeconds).toBe(0);
    expect(prepared).toHaveLength(2);
  });

  it('does not mix dictionaries: a worker with other terms is not used, the result is the same', async () => {
    const expected = prepareDocuments(docs, tokenizer);
    const { prepared, workerSeconds } = await prepareDocumentsInParallel(docs, tokenizer, {
      extraTerms: ['别的词'],
      force: true,
      mainThreadWorks: false,
    });
    expect(workerSeconds).toBe(0);
    expect(prepared.map((p) => p.tokens)).toEqual(expected.map((p) => p.tokens));
  }, 120_000);
});

describe('token packing between threads', () => {
  it('round-trips, including empty lists and awkward tokens', () => {
    for (const tokens of [[], ['社会保险'], ['5g-a', '4.5万', '2025'], [''], ['a\u0000b', 'c']]) {
      expect(unpackTokens(packTokens(tokens))).toEqual(tokens);
    }
  });
});
