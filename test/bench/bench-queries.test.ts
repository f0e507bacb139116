import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devQuestions, parseQuestions } from '../../src/bench/bench-queries.js';

describe('bench questions', () => {
  it('reads gold JSON Lines and plain lines', () => {
    const text =
      '{"id":"a","question":"社保怎么转移？"}\n\n办理营业执照需要什么材料\n{"id":"b","question":"  公积金  "}\n';
    expect(parseQuestions(text)).toEqual(['社保怎么转移？', '办理营业执照需要什么材料', '公积金']);
  });

  it('takes the *-dev.jsonl gold sets of a folder, in file-name order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-q-'));
    await writeFile(join(dir, 'b-dev.jsonl'), '{"question":"乙"}\n');
    await writeFile(join(dir, 'a-dev.jsonl'), '{"question":"甲"}\n');
    await writeFile(join(dir, 'a-test.jsonl'), '{"question":"不要"}\n');
    expect(await devQuestions(dir)).toEqual(['甲', '乙']);
  });
});
