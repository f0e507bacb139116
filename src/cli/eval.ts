import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAssistant } from '../app/build-assistant.js';
import { loadConfiguredAnswerer } from '../app/configured-answerer.js';
import { AppError } from '../errors.js';
import { runEvalCommand } from '../eval/eval-command.js';
import { createJudgeChat } from '../eval/judge-chat.js';
import { withPostgresStore } from '../index/postgres/postgres-config.js';
import { readIdList } from '../ingest/id-list.js';
import { exitWithError, loadCliConfig } from './cli-config.js';
import { createProgressBar } from './progress-bar.js';

const USAGE = `usage: npm run eval -- --gold FILE [--gold FILE]... [--corpus DIR]... [--only IDS.txt]
  [--index DIR] [--store local|postgres] [--database-url URL] [--provider extractive|openai] [--pipeline hybrid|bm25|vector|naive]... [--k 10]
  [--out report.json] [--html report.html] [--baseline FILE] [--max-drop 0.02] [--judge] [--half tune|check]`;

function number(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) {
    throw new AppError('VALIDATION_FAILED', `--${name} must be a non-negative number, got "${raw}"`);
  }
  return v;
}

/**
 * With --corpus and no --index, the eval keeps its own index per corpus selection (under
 * data/eval-index/), so evaluating another corpus never overwrites the service's index; an
 * unchanged corpus is reused (ingest is incremental by content hash).
 */
function evalIndexDir(dataDir: string, corpus: string[], only: string | undefined): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ corpus: corpus.map((d) => resolve(d)), only: only ? resolve(only) : null }))
    .digest('hex')
    .slice(0, 12);
  return join(dataDir, 'eval-index', key);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', multiple: true },
      corpus: { type: 'string', multiple: true },
      only: { type: 'string' },
      index: { type: 'string' },
      store: { type: 'string' },
      'database-url': { type: 'string' },
      provider: { type: 'string' },
      pipeline: { type: 'string', multiple: true },
      k: { type: 'string' },
      out: { type: 'string' },
      html: { type: 'string' },
      baseline: { type: 'string' },
      'max-drop': { type: 'string' },
      judge: { type: 'boolean', default: false },
      half: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.gold || values.gold.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const half = values.half;
  if (half !== undefined && half !== 'tune' && half !== 'check') {
    throw new AppError('VALIDATION_FAILED', `--half must be tune or check, got "${half}"`);
  }
  const base = loadCliConfig({ logLevel: 'silent' });
  const indexDir =
    values.index ?? (values.corpus ? evalIndexDir(base.dataDir, values.corpus, values.only) : base.indexDir);
  const local = { ...base, indexDir, corpusDirs: values.corpus ?? base.corpusDirs };
  const store = values.store ?? base.store;
  if (store !== 'local' && store !== 'postgres') {
    throw new AppError('VALIDATION_FAILED', `--store must be local or postgres, got "${store}"`);
  }
  const databaseUrl = values['database-url'] ?? base.databaseUrl;
  if (store === 'postgres' && !databaseUrl) {
    throw new AppError('VALIDATION_FAILED', '--store postgres needs --database-url URL (or DATABASE_URL)');
  }
  const config = store === 'postgres' && databaseUrl ? withPostgresStore(local, databaseUrl) : local;
  const provider = values.provider ?? 'extractive';
  if (provider !== 'extractive' && provider !== config.chat.kind) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--provider ${provider}: configure it first (CHAT_PROVIDER=${provider}, CHAT_BASE_URL, CHAT_MODEL, CHAT_API_KEY)`,
    );
  }
  // Checked before the index is built, so a missing chat endpoint fails in a second, not minutes.
  const judge = values.judge ? createJudgeChat(config) : undefined;
  const answererOver = await loadConfiguredAnswerer(config, { withChat: provider !== 'extractive' });

  const bar = createProgressBar();
  const assistant = await buildAssistant(config, {
    // --index alone evaluates that index as it is; --corpus brings the eval's index up to date.
    ingest: values.corpus
      ? { only: values.only ? readIdList(values.only) : undefined, dirs: values.corpus }
      : undefined,
    onProgress: (stage, done, total) => bar.update(stage, done, total),
  });
  bar.done();
  try {
    const { exitCode } = await runEvalCommand(
      {
        store: assistant.store,
        embedder: assistant.embedder,
        retriever: assistant.retriever,
        answerer: answererOver(assistant.extractive),
        answerK: config.retrievalK,
      },
      {
        gold: values.gold,
        pipelines: values.pipeline,
        k: number('k', values.k, 10),
        out: values.out,
        html: values.html,
        baseline: values.baseline,
        maxDrop: number('max-drop', values['max-drop'], 0.02),
        provider,
        index: indexDir,
        corpus: values.corpus,
        judge,
        half,
        onProgress: (p) => {
          bar.update(`eval ${p.pipeline}`, p.done, p.total);
          if (p.done === p.total) bar.done();
        },
      },
    );
    process.exitCode = exitCode;
  } finally {
    await assistant.close();
  }
}

main().catch(exitWithError);
