import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOfParts } from '../../src/text/all-of-terms.js';
import { createJiebaTokenizer, type JiebaTokenizer } from '../../src/text/jieba-tokenizer.js';
import { BUILT_IN_LEXICON_FILES, readLexiconRows } from '../../src/text/lexicon-files.js';

/*
 * An all-of target (人社局 > 人力资源+社会保障) is searched as the intersection of its parts' postings,
 * so each part must be a word the index's cut produces: 无居民+海岛 matched nothing, because the cut
 * of 无居民海岛 is 无 / 居民 / 海岛 and 无居民 is never a token (fixed 2026-12-02: 无+居民+海岛).
 */
let dictDir: string;
let tok: JiebaTokenizer;

beforeAll(() => {
  dictDir = mkdtempSync(join(tmpdir(), 'lexicon-all-of-'));
  tok = createJiebaTokenizer({ dictDir });
  tok.tokenize('预热');
}, 60_000);

afterAll(() => {
  rmSync(dictDir, { recursive: true, force: true });
});

describe('the lexicon’s all-of targets (loaded and candidate files)', () => {
  it('are joined from words the index cut produces', () => {
    const parts = new Set<string>();
    // The candidate files are not loaded, but a deployment may load them with LEXICON_FILES.
    const candidates = ['departments', 'guide-words', 'regulation-words'].map((name) =>
      fileURLToPath(new URL(`../../lexicon/candidates/${name}.tsv`, import.meta.url)),
    );
    for (const row of readLexiconRows([...BUILT_IN_LEXICON_FILES, ...candidates]))
      for (const target of row.to)
        for (const part of allOfParts(target) ?? []) if (part.length > 1) parts.add(part);
    expect(parts.size).toBeGreaterThan(100);
    const notWords = [...parts].filter((part) => !tok.tokenize(part).includes(part));
    expect(notWords).toEqual([]);
  });
});
