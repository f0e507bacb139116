import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { describe, expect, it } from 'vitest';
import type { AnswerProvider } from '../../src/answer/answer-provider.js';
import type { DocumentMeta, Retrieval } from '../../src/domain.js';
import { createNaivePipeline, splitWithOffsets } from '../../src/eval/naive-pipeline.js';
import type { Embedder } from '../../src/index/embedder.js';
import { answer } from './fakes.js';

const SEED = join(import.meta.dirname, '..', '..', 'seeds', '000_204df86a34e42382.txt');

/** Bag-of-characters embedder: enough to rank a passage that shares the question's characters. */
const charEmbedder: Embedder = {
  id: 'fake-chars',
  dimensions: 64,
  async embedDocuments(texts) {
    return Promise.all(texts.map((t) => this.embedQuery(t)));
  },
  async embedQuery(text) {
    const v = new Array<number>(64).fill(0);
    for (const ch of text) v[(ch.codePointAt(0) ?? 0) % 64] += 1;
    return v;
  },
};

describe('naive pipeline', () => {
  it('keeps offsets of the LangChain 500/50 pieces into the seed text', async () => {
    const text = await readFile(SEED, 'utf8');
    const chunks = await splitWithOffsets(
      'seed',
      text,
      new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 50 }),
    );
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text).toBe(text.slice(c.start, c.end));
      expect(c.end - c.start).toBeLessThanOrEqual(500);
    }
    expect(chunks.every((c, i) => i === 0 || c.start > chunks[i - 1].start)).toBe(true);
  });

  it('ranks passages by cosine over its own chunks and hands the top answerK to the answerer', async () => {
    const docs: Record<string, string> = {
      a: '青岛力争5G基站数达4.5万个。'.repeat(3),
      b: '文化馆、博物馆、美术馆等文博场馆升级。'.repeat(3),
    };
    const meta = (id: string): DocumentMeta => ({ id, title: id, type: '其他', sourcePath: `${id}.txt` });
    const seen: Retrieval[] = [];
    const answerer: AnswerProvider = {
      id: 'fake',
      async answer(_q, retrieval) {
        seen.push(retrieval);
        return answer('好', []);
      },
      async *stream() {},
    };
    const pipeline = await createNaivePipeline({
      source: {
        async listDocuments() {
          return Object.keys(docs).map(meta);
        },
        async getDocument(id) {
          return { text: docs[id], meta: meta(id) };
        },
      },
      embedder: charEmbedder,
      answerer,
      chunkSize: 20,
      chunkOverlap: 5,
      answerK: 1,
    });
    const out = await pipeline.run('博物馆和美术馆要升级吗', 3);
    expect(out.passages).toHaveLength(3);
    expect(out.passages[0].chunk.docId).toBe('b');
    expect(seen[0].passages).toHaveLength(1);
    expect(seen[0].relevant).toBe(true);
  });
});
