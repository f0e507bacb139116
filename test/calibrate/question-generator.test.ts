import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromIndexed, type GeneratorDeps } from '../../src/calibrate/question-generator.js';
import { seededRandom } from '../../src/calibrate/random.js';
import { createJiebaTokenizer, type JiebaTokenizer } from '../../src/text/jieba-tokenizer.js';

let dictDir: string;
let tokenizer: JiebaTokenizer;

beforeAll(() => {
  dictDir = mkdtempSync(join(tmpdir(), 'generator-test-'));
  tokenizer = createJiebaTokenizer({ dictDir });
  tokenizer.tokenize('预热');
}, 60_000);

afterAll(() => rmSync(dictDir, { recursive: true, force: true }));

describe('generated questions', () => {
  it('fill every slot of their frame, also a frame with two places for chatter', async () => {
    const deps: GeneratorDeps = {
      tokenizer,
      idf: async (terms) => new Map(terms.map((t) => [t, 5])),
      maxIdf: 10,
      cooccur: async () => true,
      indexedRegions: new Set(['山东省青岛市']),
      random: seededRandom(7),
    };
    const passage = {
      docId: 'lrb-dogs',
      text: '携犬出户时，应当为犬只佩戴犬牌并束犬链，由具有完全民事行为能力的人牵领，主动避让行人和车辆。',
      meta: {
        id: 'lrb-dogs',
        title: '青岛市养犬管理条例',
        type: '法规' as const,
        sourcePath: 'd.md',
        region: '山东省青岛市',
      },
    };
    const questions: string[] = [];
    for (let i = 0; i < 200; i++)
      for (const q of await fromIndexed(passage, deps)) questions.push(q.question);
    expect(questions.length).toBeGreaterThan(100);
    // The frames "{c}{a}{b}{c}，这个合法吗？" and "{p}{c}{a}，{b}{c}怎么弄？" hold {c} twice.
    expect(questions.filter((q) => /[{}]/.test(q))).toEqual([]);
  });
});
