import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/index/create-embedder.js';
import { startTsWorker } from '../../src/index/ts-worker.js';
import { indexedChunksOf } from '../../src/ingest/ingest-pipeline.js';
import { readUpload } from '../../src/ingest/read-upload.js';
import { UploadPreparer } from '../../src/ingest/upload-preparer.js';
import { CHUNKS_PER_MESSAGE, type UploadAck, type UploadReply } from '../../src/ingest/upload-protocol.js';
import { createJiebaTokenizer } from '../../src/text/jieba-tokenizer.js';

/**
 * The upload worker (a real worker thread) hands a large document back in parts: the main thread
 * decodes one message at a time, and one message of a whole 8 MB upload (~7,000 chunks) held its
 * event loop ~0.5 s (issue 14). The parts together are exactly what the main thread would make.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const embedderConfig = { kind: 'hashing', dimensions: 64 } as const;
let tmp: string;
let path: string;
const input = { id: 'large-notice', ext: '.txt', sourcePath: 'large-notice.txt' };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'upload-preparer-'));
  const seed = await readFile(join(ROOT, 'seeds', (await readdir(join(ROOT, 'seeds')))[0]), 'utf8');
  path = join(tmp, 'large-notice.txt');
  await writeFile(path, Array.from({ length: 120 }, (_, i) => `第${i}部分\n${seed}`).join('\n'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('the upload worker', () => {
  it(`replies in parts of at most ${CHUNKS_PER_MESSAGE} chunks, each only once the one before was taken in, then done`, async () => {
    const worker = startTsWorker(new URL('../../src/ingest/upload-worker.ts', import.meta.url), {
      extraTerms: [],
      embedder: embedderConfig,
    });
    try {
      const replies: UploadReply[] = [];
      /** Parts that arrived while the one before had not been acknowledged. */
      let unasked = 0;
      let awaitingAck = false;
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (reply: UploadReply) => {
          if (reply.type === 'ready') return worker.postMessage({ job: 7, input, path });
          replies.push(reply);
          if (reply.type === 'part') {
            if (awaitingAck) unasked++;
            awaitingAck = true;
            // Hold the acknowledgement a while: nothing more may come meanwhile.
            setTimeout(() => {
              awaitingAck = false;
              worker.postMessage({ ack: reply.job } satisfies UploadAck);
            }, 50);
          }
          if (reply.type === 'done' || reply.type === 'failed') resolve();
        });
      });
      const parts = replies.filter((r) => r.type === 'part');
      const chunks = parts.reduce((n, r) => n + r.chunks.length, 0);
      expect(replies.at(-1)?.type).toBe('done');
      expect(chunks).toBeGreaterThan(2 * CHUNKS_PER_MESSAGE);
      expect(parts.length).toBe(Math.ceil(chunks / CHUNKS_PER_MESSAGE));
      for (const p of parts) expect(p.chunks.length).toBeLessThanOrEqual(CHUNKS_PER_MESSAGE);
      expect(unasked).toBe(0);
      expect(replies.every((r) => 'job' in r && r.job === 7)).toBe(true);
    } finally {
      await worker.terminate();
    }
  }, 120_000);

  it('gives, put together, the chunks the main thread would make', async () => {
    const tokenizer = createJiebaTokenizer({ extraTerms: [] });
    const embedder = createEmbedder(embedderConfig, { tokenizer });
    const preparer = new UploadPreparer({
      extraTerms: [],
      embedder: embedderConfig,
      preparedWith: `${tokenizer.id}|${embedder.id}`,
    });
    try {
      const off = await preparer.prepare(input, path);
      const doc = await readUpload(input, path);
      const inline = await indexedChunksOf(doc, tokenizer, embedder);
      expect(off?.doc.hash).toBe(doc.hash);
      expect(off?.chunks.length).toBe(inline.length);
      expect(off?.chunks.map((c) => c.chunk)).toEqual(inline.map((c) => c.chunk));
      expect(off?.chunks.map((c) => c.tokens)).toEqual(inline.map((c) => c.tokens));
      // float32 on the way: equal to about 6 digits.
      const largestGap = Math.max(
        ...(off?.chunks ?? []).map((c, i) =>
          Math.max(...c.vector.map((x, j) => Math.abs(x - inline[i].vector[j]))),
        ),
      );
      expect(off?.chunks.map((c) => c.vector.length)).toEqual(inline.map((c) => c.vector.length));
      expect(largestGap).toBeLessThan(1e-6);
    } finally {
      await preparer.close();
    }
  }, 120_000);
});
