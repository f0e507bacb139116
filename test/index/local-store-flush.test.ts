import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Chunk, SourceDocument } from '../../src/domain.js';
import { HashingEmbedder } from '../../src/index/hashing-embedder.js';
import { indexIdentity } from '../../src/index/index-manifest.js';
import { openLocalStore } from '../../src/index/open-local-store.js';
import type { IndexedChunk, IndexIdentity } from '../../src/index/search-store.js';
import { CharBigramTokenizer } from '../fakes/char-bigram-tokenizer.js';

/**
 * A flush serialises the store in slices now (the event loop serves searches meanwhile, issue 14),
 * so writes wait until its snapshot is taken and a flush waits for a write in progress: every
 * generation on disk holds whole documents. Real files.
 */

const tokenizer = new CharBigramTokenizer();
const embedder = new HashingEmbedder({ tokenizer, dimensions: 64 });
const identity: IndexIdentity = indexIdentity(embedder, tokenizer);
const roots: string[] = [];
afterAll(async () => {
  for (const d of roots) await rm(d, { recursive: true, force: true });
});

async function largeDoc(
  id: string,
  paragraphs: number,
): Promise<{ doc: SourceDocument; chunks: IndexedChunk[] }> {
  const parts = Array.from(
    { length: paragraphs },
    (_, i) => `${id} 第${i}段：办理时限为${i % 9}个工作日，材料${i}份`,
  );
  const text = parts.join('\n');
  let at = 0;
  const chunks: Chunk[] = parts.map((p, i) => {
    const start = text.indexOf(p, at);
    at = start + p.length;
    return { id: `${id}#${i}`, docId: id, start, end: at, headingPath: [id], text: p };
  });
  const vectors = await embedder.embedDocuments(chunks.map((c) => c.text));
  return {
    doc: {
      id,
      path: `/corpus/${id}.txt`,
      text,
      hash: `h-${id}`,
      meta: { id, title: id, type: '政策文件', sourcePath: `${id}.txt` },
    },
    chunks: chunks.map((chunk, i) => ({ chunk, tokens: tokenizer.tokenize(chunk.text), vector: vectors[i] })),
  };
}

describe('LocalStore flush and writes', () => {
  it('a flush called while a large document is going in waits for it: the generation holds it whole', async () => {
    const root = await mkdtemp(join(tmpdir(), 'local-flush-'));
    roots.push(root);
    const dir = join(root, 'index');
    const store = await openLocalStore({ dir, identity, create: true });
    const small = await largeDoc('small', 3);
    await store.upsertDocument(small.doc, small.chunks);
    await store.flush();

    const big = await largeDoc('big', 3_000);
    const writing = store.upsertDocument(big.doc, big.chunks);
    const flushing = store.flush();
    await Promise.all([writing, flushing]);

    const onDisk = await openLocalStore({ dir, identity });
    expect(await onDisk.stats()).toEqual({ documents: 2, chunks: 3_003 });
    expect((await onDisk.getDocument('big'))?.chunks.length).toBe(3_000);
    // Every BM25 hit names a stored chunk (a snapshot taken mid-insert held postings of none).
    const hits = await onDisk.keywordSearch([['big'], ['第2999段']], 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.chunkId.startsWith('big#') || h.chunkId.startsWith('small#'))).toBe(true);
    await onDisk.close();
    await store.close();
  }, 120_000);

  it('a write called during a flush lands after its snapshot, and in the next generation', async () => {
    const root = await mkdtemp(join(tmpdir(), 'local-flush-'));
    roots.push(root);
    const dir = join(root, 'index');
    const store = await openLocalStore({ dir, identity, create: true });
    const big = await largeDoc('big', 2_000);
    await store.upsertDocument(big.doc, big.chunks);
    const flushing = store.flush();
    // Let the flush reach its snapshot, then write and delete meanwhile.
    await new Promise((r) => setTimeout(r, 5));
    const late = await largeDoc('late', 2);
    const writes = Promise.all([store.upsertDocument(late.doc, late.chunks), store.deleteDocument('big')]);
    // Searches are served during the flush.
    expect((await store.keywordSearch([['办理']], 3)).length).toBe(3);
    await Promise.all([flushing, writes]);
    const first = await openLocalStore({ dir, identity });
    const firstStats = await first.stats();
    await first.close();
    await store.flush();
    const second = await openLocalStore({ dir, identity });
    expect(await second.stats()).toEqual({ documents: 1, chunks: 2 });
    await second.close();
    await store.close();
    // The first generation is one consistent state: before the writes, or (when the flush had not
    // reached its snapshot yet) after both.
    expect([
      { documents: 1, chunks: 2_000 },
      { documents: 1, chunks: 2 },
    ]).toContainEqual(firstStats);
  }, 120_000);
});
