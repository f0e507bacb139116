import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { devQuestions, parseQuestions } from '../bench/bench-queries.js';
import { formatReport, missingKeys } from '../bench/bench-report.js';
import { runBench } from '../bench/run-bench.js';
import { readIdList } from '../ingest/id-list.js';
import { exitWithError, loadCliConfig } from './cli-config.js';
import { createProgressBar } from './progress-bar.js';

const USAGE = `usage: npm run bench -- [--corpus DIR]... [--only IDS.txt] [--queries FILE] [--out bench.json]
                      [--fraction 0.25] [--http-seconds 10] [--connections 50] [--gold-dir DIR]
                      [--single-thread] [--store local|postgres --database-url URL]
Indexes the corpus into a fresh temp dir, then measures ingest, index size and cold load, query
latencies, HNSW recall against an exact scan, the naive LangChain baseline and HTTP throughput.
Default corpus: ../shared/corpus/docs and seeds/; default questions: the *-dev.jsonl gold sets.
`;

/** Where the shared corpus and gold sets are, relative to the project root. */
const DEFAULT_CORPUS = ['../shared/corpus/docs', 'seeds'];
const DEFAULT_GOLD_DIR = '../shared/eval';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      only: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string', default: 'bench.json' },
      fraction: { type: 'string', default: '1' },
      'http-seconds': { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      'gold-dir': { type: 'string', default: DEFAULT_GOLD_DIR },
      'single-thread': { type: 'boolean', default: false },
      store: { type: 'string', default: 'local' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const fraction = Number(values.fraction);
  const httpSeconds = Number(values['http-seconds']);
  const connections = Number(values.connections);
  if (!(fraction > 0 && fraction <= 1) || !(httpSeconds > 0) || !(connections >= 1)) {
    process.stderr.write(`--fraction must be in (0, 1], --http-seconds > 0, --connections ≥ 1\n${USAGE}`);
    process.exit(2);
  }
  const config = loadCliConfig({ logLevel: 'silent' });
  const store = values.store;
  const databaseUrl = values['database-url'] ?? config.databaseUrl;
  if ((store !== 'local' && store !== 'postgres') || (store === 'postgres' && !databaseUrl)) {
    process.stderr.write(
      `--store is local or postgres; postgres needs --database-url URL (or DATABASE_URL)\n${USAGE}`,
    );
    process.exit(2);
  }
  const questions = values.queries
    ? parseQuestions(await readFile(values.queries, 'utf8'))
    : await devQuestions(values['gold-dir']);
  const bar = createProgressBar();
  const report = await runBench({
    config,
    corpusDirs: values.corpus ?? DEFAULT_CORPUS,
    only: values.only ? readIdList(values.only) : undefined,
    fraction,
    questions,
    httpSeconds,
    connections,
    parallel: !values['single-thread'],
    store,
    databaseUrl,
    onProgress: (stage, done, total) => bar.update(stage, done, total),
    log: (line) => {
      bar.done();
      process.stdout.write(`· ${line}\n`);
    },
  });
  const missing = missingKeys(report);
  if (missing.length > 0) throw new Error(`bench: report lacks ${missing.join(', ')}`);
  process.stdout.write(`\n${formatReport(report)}`);
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n写入 wrote ${values.out}\n`);
}

main().catch(exitWithError);
