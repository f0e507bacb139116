import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25.js';
import { decodeBm25, encodeBm25, encodeBm25Steps } from '../../src/index/bm25-codec.js';
import { runAtOnce, runSliced } from '../../src/index/cooperative.js';
import { sha256, sha256Sliced } from '../../src/index/index-files.js';
import {
  type ChunkRecord,
  type DocRecord,
  decodeChunks,
  decodeChunksSteps,
  decodeDocuments,
  decodeDocumentsSteps,
  encodeChunks,
  encodeChunksSteps,
  encodeDocuments,
  encodeDocumentsSteps,
} from '../../src/index/store-records.js';

/**
 * A flush of a large index serialised on the event loop in one go (issue 14). The encoders are now
 * steps that the service runs in slices: the loop gets turns meanwhile, and the bytes are exactly
 * those of the one-go encoding.
 */

function* busy(ms: number, steps: number): Generator<void, number> {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + ms / steps;
    while (performance.now() < until) {
      // work
    }
    yield;
  }
  return steps;
}

/** How many times a 0 ms timer fired while `run` ran. */
async function turnsDuring(run: () => Promise<unknown> | unknown): Promise<number> {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await run();
  on = false;
  return turns;
}

describe('runSliced', () => {
  it('gives the event loop turns during 300 ms of work; runAtOnce gives none', async () => {
    expect(await turnsDuring(() => runAtOnce(busy(300, 300)))).toBe(0);
    const turns = await turnsDuring(() => runSliced(busy(300, 300)));
    // 20 ms slices: about 15 turns; fewer when the machine is busy, never none.
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(await runSliced(busy(10, 5))).toBe(5);
  });
});

describe('sliced encoders', () => {
  const docs: DocRecord[] = Array.from({ length: 1_200 }, (_, i) => ({
    meta: { id: `doc-${i}`, title: `通知 ${i}`, sourcePath: `d/${i}.txt` } as DocRecord['meta'],
    text: `第${i}号通知：办理时限为${i % 7}个工作日。\n"引号" \\ 反斜杠 \u2028`,
    hash: `h${i}`,
    ordinals: [2 * i, 2 * i + 1],
  }));
  const chunks: [number, ChunkRecord][] = Array.from({ length: 1_234 }, (_, i) => [
    i,
    {
      id: `doc-${i >> 1}#${i & 1}`,
      docId: `doc-${i >> 1}`,
      start: 0,
      end: 5,
      headingPath: ['一、', `条${i}`],
      ...(i % 3 === 0 ? { article: `第${i}条` } : {}),
      ...(i % 5 === 0 ? { text: '不同的文本' } : {}),
      ...(i % 11 === 0 ? { flags: ['foreign-link' as const] } : {}),
    },
  ]);

  it('write the same bytes as one JSON.stringify, and read back', async () => {
    const chunkText = (await runSliced(encodeChunksSteps(chunks))).toString('utf8');
    expect(chunkText).toBe(encodeChunks(chunks));
    const tuples = chunks.map(([ord, c]) => {
      const row = [ord, c.id, c.docId, c.start, c.end, c.headingPath, c.article ?? null, c.text ?? null];
      return c.flags ? [...row, c.flags] : row;
    });
    expect(chunkText).toBe(JSON.stringify(tuples));
    expect(decodeChunks(chunkText)).toEqual(chunks);
    expect((await runSliced(encodeChunksSteps([]))).toString('utf8')).toBe('[]');

    const docText = (await runSliced(encodeDocumentsSteps(docs))).toString('utf8');
    expect(docText).toBe(encodeDocuments(docs));
    expect(docText.split('\n')[0]).toBe(
      JSON.stringify({ meta: docs[0].meta, hash: 'h0', ordinals: [0, 1], text: docs[0].text }),
    );
    expect(decodeDocuments(docText)).toEqual(docs);
  });

  it('BM25: sliced and at once give identical bytes', async () => {
    const bm25 = new Bm25Index();
    for (let i = 0; i < 5_000; i++) bm25.add(i, [`t${i % 997}`, `u${i % 4_001}`, '办理', `v${i}`]);
    bm25.remove(17);
    const once = encodeBm25(bm25.state());
    const sliced = await runSliced(encodeBm25Steps(bm25.state()), 0);
    expect(Buffer.compare(once, sliced)).toBe(0);
    expect(decodeBm25(sliced).terms.length).toBe(bm25.state().terms.length);
  });

  it('sha256Sliced hashes like sha256 across its 4 MB slices', async () => {
    const data = Buffer.alloc(9 * 1024 * 1024 + 13);
    for (let i = 0; i < data.length; i += 4093) data[i] = i & 0xff;
    expect(await sha256Sliced(data)).toBe(sha256(data));
    expect(await sha256Sliced(new Uint8Array())).toBe(sha256(new Uint8Array()));
  });

  it('decode a generation in steps (bracket, quote and backslash inside strings) to what one parse gives', async () => {
    const tricky = ['含有]括号[和"引号"', '反斜杠\\]", 结尾', '换行\n之后', '𠀋 emoji 😀 ]]'];
    const many: [number, ChunkRecord][] = [];
    const manyDocs: DocRecord[] = [];
    for (let i = 0; i < 3_000; i++) {
      const text = `${tricky[i % tricky.length]}第${i}段${'政务服务'.repeat(20)}`;
      many.push([
        i,
        {
          id: `d${i % 50}#${i}`,
          docId: `d${i % 50}`,
          start: i,
          end: i + 9,
          headingPath: ['[章]', `"节${i}"`],
          text,
        },
      ]);
      manyDocs.push({ meta: docs[0].meta, hash: `h${i}`, ordinals: [i], text: `${text}\n${text}` });
    }
    const chunkBytes = await runSliced(encodeChunksSteps(many));
    expect(chunkBytes.length).toBeGreaterThan(3 * 256 * 1024);
    const steps = (g: Generator<unknown, unknown>) => {
      let n = 0;
      while (!g.next().done) n++;
      return n;
    };
    expect(steps(decodeChunksSteps(chunkBytes))).toBeGreaterThan(2);
    expect(await runSliced(decodeChunksSteps(chunkBytes), 0)).toEqual(many);
    expect(decodeChunks(chunkBytes.toString('utf8'))).toEqual(many);
    const docBytes = await runSliced(encodeDocumentsSteps(manyDocs));
    expect(steps(decodeDocumentsSteps(docBytes))).toBeGreaterThan(2);
    expect(await runSliced(decodeDocumentsSteps(docBytes), 0)).toEqual(manyDocs);
    expect(decodeChunks('[]')).toEqual([]);
    expect(() => decodeChunks('{"a":1}')).toThrow(/not an array/);
    expect(() => decodeChunks('[[1,"x"]]')).toThrow(/malformed chunk row/);
    expect(() => decodeChunks('[[0,"a","d",0,1,[],null,null]')).toThrow(/not an array/);
    expect(() => decodeDocuments('{"meta":{}}\n')).toThrow(/malformed document line/);
  });
});
