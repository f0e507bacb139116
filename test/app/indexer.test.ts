import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIndexer, type OffThreadPreparer } from '../../src/app/indexer.js';
import { createEmbedder } from '../../src/index/create-embedder.js';
import { indexIdentity } from '../../src/index/index-manifest.js';
import { openLocalStore } from '../../src/index/open-local-store.js';
import { indexedChunksOf } from '../../src/ingest/ingest-pipeline.js';
import { readUpload } from '../../src/ingest/read-upload.js';
import { createJiebaTokenizer } from '../../src/text/jieba-tokenizer.js';

/**
 * An upload prepared against one index and committed after another process rebuilt it with other
 * dictionary terms is cut again, with the new terms, by the off-thread preparer when there is one
 * (the service's thread only has scoped dictionaries, slow for a large document).
 */

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

const TEXT = '关于城市更新行动的通知\n第一条 推进城市更新行动，实施老旧小区改造，完善社区服务设施。';
const embedderConfig = { kind: 'hashing', dimensions: 64 } as const;

describe('an upload committed after the index changed its terms', () => {
  it('is cut again with the new terms, off the main thread when a preparer is there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'indexer-'));
    roots.push(root);
    const before = createJiebaTokenizer({ extraTerms: [] });
    const after = createJiebaTokenizer({ extraTerms: ['城市更新行动'] });
    expect(after.id).not.toBe(before.id);
    const embedderBefore = createEmbedder(embedderConfig, { tokenizer: before });
    const embedderAfter = createEmbedder(embedderConfig, { tokenizer: after });
    const store = await openLocalStore({
      dir: join(root, 'index'),
      identity: indexIdentity(embedderAfter, after),
      create: true,
    });
    const uploadDir = join(root, 'uploads');
    const calls: string[] = [];
    const preparer: OffThreadPreparer = {
      async prepare(input, path) {
        calls.push(input.id);
        const doc = await readUpload(input, path);
        return { doc, chunks: await indexedChunksOf(doc, after, embedderAfter) };
      },
    };
    const old = createIndexer({ store, tokenizer: before, embedder: embedderBefore, uploadDir });
    const current = createIndexer({ store, tokenizer: after, embedder: embedderAfter, uploadDir, preparer });

    const prepared = await old.prepare({
      id: 'city-renewal',
      ext: '.txt',
      sourcePath: 'city-renewal.txt',
      bytes: Buffer.from(TEXT),
    });
    expect(prepared.chunks.flatMap((c) => c.tokens)).not.toContain('城市更新行动');
    await current.commit(prepared);

    expect(calls).toEqual(['city-renewal']);
    const hits = await store.keywordSearch([['城市更新行动']], 5);
    expect(hits.length).toBeGreaterThan(0);
  }, 60_000);
});
