import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunker.js';
import { loadCorpus } from '../../src/ingest/load-corpus.js';

/** The shared corpus (../shared/corpus/docs, 4,299 files) is read at run time, never copied in. */
const CORPUS = new URL('../../../shared/corpus/docs', import.meta.url).pathname;
const present = existsSync(CORPUS);
if (!present) console.warn(`[corpus.test] SKIPPED: shared corpus not found at ${CORPUS}`);

describe.skipIf(!present)('the full shared corpus', () => {
  it('loads every file and chunks every document with exact offsets', async () => {
    const t0 = performance.now();
    const { documents, skipped } = await loadCorpus([CORPUS]);
    const loadSeconds = (performance.now() - t0) / 1000;
    expect(documents.length + skipped.length).toBe(4299);
    expect(skipped).toEqual([]);

    const t1 = performance.now();
    let chunks = 0;
    const problems: string[] = [];
    for (const doc of documents) {
      const list = chunkDocument(doc);
      if (list.length === 0) problems.push(`${doc.id}: no chunks`);
      chunks += list.length;
      for (const c of list) {
        if (c.text !== doc.text.slice(c.start, c.end) || c.text === '' || c.text !== c.text.trim()) {
          problems.push(`${c.id}: offsets [${c.start}, ${c.end}) do not match its text`);
        }
        if (c.end - c.start > 480 + 60) problems.push(`${c.id}: ${c.end - c.start} chars`);
      }
    }
    const chunkSeconds = (performance.now() - t1) / 1000;
    console.log(
      `[corpus.test] ${documents.length} documents from ${relative(process.cwd(), CORPUS)}: load ${loadSeconds.toFixed(2)} s, ` +
        `chunk ${chunkSeconds.toFixed(2)} s, ${chunks} chunks`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    const types = new Set(documents.map((d) => d.meta.type));
    for (const t of ['法规', '办事指南', '政策文件', '通知'] as const) expect(types.has(t), t).toBe(true);
  }, 180_000);
});
