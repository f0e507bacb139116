import { parseArgs } from 'node:util';
import { buildAssistant } from '../app/build-assistant.js';
import { readIdList } from '../ingest/id-list.js';
import type { IngestReport } from '../ingest/ingest-report.js';
import { exitWithError, loadCliConfig } from './cli-config.js';
import { createProgressBar } from './progress-bar.js';

function printReport(report: IngestReport, seconds: number): void {
  const out = process.stdout;
  out.write(`\n文档 documents: ${report.documents}    片段 chunks: ${report.chunks}\n`);
  out.write(
    `新增 added: ${report.added}  替换 replaced: ${report.replaced}  未变 unchanged: ${report.unchanged}  删除 removed: ${report.removed}${report.rebuilt ? '  (重建 rebuilt: most documents changed)' : ''}\n`,
  );
  const stages = Object.entries(report.stages)
    .map(([name, s]) => `${name} ${s.toFixed(2)}s`)
    .join('  ');
  out.write(`用时 seconds: ${seconds.toFixed(1)}  (${stages})\n`);
  if (report.skipped.length > 0) {
    out.write(`\n跳过 skipped ${report.skipped.length} file(s):\n`);
    for (const s of report.skipped) out.write(`  ${s.path}: ${s.reason}\n`);
  } else {
    out.write('跳过 skipped: none\n');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      index: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run ingest -- [--corpus DIR]... [--index DIR] [--only IDS.txt]\n');
    return;
  }
  const config = loadCliConfig({ indexDir: values.index, corpusDirs: values.corpus, logLevel: 'silent' });
  const only = values.only ? readIdList(values.only) : undefined;
  const bar = createProgressBar();
  const started = performance.now();
  const assistant = await buildAssistant(config, {
    ingest: { only },
    onProgress: (stage, done, total) => bar.update(stage, done, total),
  });
  bar.done();
  const { restored = [], removed = [] } = assistant.reconciled ?? {};
  if (restored.length + removed.length > 0) {
    // A service was killed mid-upload: say what became of its uploads.
    process.stdout.write(
      `\n上传整理 uploads reconciled: 保留 kept ${restored.length}${restored.length > 0 ? ` (${restored.join(', ')})` : ''}, 删除未完成 removed unfinished ${removed.length}\n`,
    );
  }
  if (assistant.lastIngest) printReport(assistant.lastIngest, (performance.now() - started) / 1000);
  process.stdout.write(`索引 index: ${config.indexDir}\n`);
  await assistant.close();
}

main().catch(exitWithError);
