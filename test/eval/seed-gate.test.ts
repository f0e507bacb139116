import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssistant } from '../../src/app/build-assistant.js';
import { loadConfig } from '../../src/config.js';
import { runEvalCommand } from '../../src/eval/eval-command.js';

/**
 * The regression gate of the project's own gold set, as CI runs it: the offline pipeline over
 * seeds/ must not fall more than 0.02 below eval/baseline.json on any headline metric.
 */
const root = join(import.meta.dirname, '..', '..');
let assistant: Awaited<ReturnType<typeof buildAssistant>>;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'seed-gate-'));
  const config = {
    ...loadConfig({}),
    indexDir: join(dir, 'index'),
    dataDir: dir,
    corpusDirs: [join(root, 'seeds')],
  };
  assistant = await buildAssistant(config);
}, 120_000);

afterAll(async () => {
  await assistant?.close();
});

describe('seed gold set vs eval/baseline.json', () => {
  it('no headline metric regressed', async () => {
    const lines: string[] = [];
    const { exitCode, report } = await runEvalCommand(
      {
        store: assistant.store,
        embedder: assistant.embedder,
        retriever: assistant.retriever,
        answerer: assistant.extractive,
        answerK: assistant.config.retrievalK,
      },
      {
        gold: [join(root, 'eval', 'seed-gold.jsonl')],
        baseline: join(root, 'eval', 'baseline.json'),
        maxDrop: 0.02,
        provider: 'extractive',
        print: (l) => lines.push(l),
      },
    );
    expect(report.summary.items).toBeGreaterThanOrEqual(25);
    expect(lines.filter((l) => l.startsWith('REGRESSION'))).toEqual([]);
    expect(exitCode).toBe(0);
  });
});
