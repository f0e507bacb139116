/**
 * Compares the local store and the PostgreSQL store (PGlite + pgvector on loopback) on the same
 * corpus and gold sets (not a vitest test; run by hand):
 *   node --import tsx test/index/postgres/measure-postgres.ts [--corpus DIR]... [--gold FILE]... [--url DATABASE_URL]
 * Defaults: seeds + ../shared/corpus/docs/ncpqa_policies; seed-dev and ncpqa-dev. Reports build
 * time, hit@1/@5 per gold set and store, top-5 agreement, and retrieval latency (p50/p95).
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Assistant } from '../../../src/app/assistant.js';
import { buildAssistant } from '../../../src/app/build-assistant.js';
import { loadConfig } from '../../../src/config.js';
import { type DocSpan, locateQuote, rankOfFirstCover } from '../../../src/eval/coverage.js';
import { withPostgresStore } from '../../../src/index/postgres/postgres-config.js';
import { startPgServer } from '../../fakes/pg-server.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    gold: { type: 'string', multiple: true },
    url: { type: 'string' },
  },
});
const corpus = values.corpus ?? ['seeds', '/work/shared/corpus/docs/ncpqa_policies'];
const goldFiles = values.gold ?? ['/work/shared/eval/seed-dev.jsonl', '/work/shared/eval/ncpqa-dev.jsonl'];
const indexDir = join(tmpdir(), `measure-pg-local-${process.pid}`);
const base = loadConfig({
  INDEX_DIR: indexDir,
  CORPUS_DIRS: corpus.join(','),
  UPLOAD_DIR: join(indexDir, 'up'),
  LOG_LEVEL: 'silent',
});

interface Gold {
  id: string;
  question: string;
  answerable: boolean;
  evidence: { doc: string; quote: string }[];
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function build(label: string, config: typeof base): Promise<Assistant> {
  const t = performance.now();
  const assistant = await buildAssistant(config);
  const stats = await assistant.store.stats();
  console.log(
    `${label}: built ${stats.documents} documents, ${stats.chunks} chunks in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return assistant;
}

const server = values.url ? undefined : await startPgServer();
const url = values.url ?? server?.url ?? '';
const local = await build('local', base);
const postgres = await build('postgres', withPostgresStore(base, url, 4));

for (const file of goldFiles) {
  const items = (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold)
    .filter((g) => g.answerable && g.evidence.length > 0);
  const result: Record<string, { hit1: number; hit5: number; ms: number[]; top5: string[][] }> = {};
  let skipped = 0;
  for (const [label, assistant] of [
    ['local', local],
    ['postgres', postgres],
  ] as const) {
    const r = { hit1: 0, hit5: 0, ms: [] as number[], top5: [] as string[][] };
    for (const item of items) {
      const evidence: DocSpan[] = [];
      for (const e of item.evidence) {
        const doc = await assistant.store.getDocument(e.doc);
        const at = doc && locateQuote(doc.text, e.quote, e.doc);
        if (at) evidence.push(at);
      }
      if (evidence.length === 0) {
        if (label === 'local') skipped += 1;
        continue;
      }
      const t = performance.now();
      const retrieval = await assistant.retriever.retrieve(item.question, { k: 5 });
      r.ms.push(performance.now() - t);
      const spans = retrieval.passages.map((p) => ({
        docId: p.chunk.docId,
        start: p.chunk.start,
        end: p.chunk.end,
      }));
      const rank = rankOfFirstCover(spans, evidence);
      if (rank === 1) r.hit1 += 1;
      if (rank !== undefined && rank <= 5) r.hit5 += 1;
      r.top5.push(retrieval.passages.map((p) => p.chunk.id));
    }
    result[label] = r;
  }
  const n = result.local.ms.length;
  const same = result.local.top5.filter((ids, i) => ids.join() === result.postgres.top5[i]?.join()).length;
  console.log(
    `\n${file}: ${n} answerable items with evidence in the corpus (${skipped} skipped: evidence not indexed)`,
  );
  for (const label of ['local', 'postgres']) {
    const r = result[label];
    console.log(
      `  ${label.padEnd(8)} hit@1 ${(r.hit1 / n).toFixed(3)}  hit@5 ${(r.hit5 / n).toFixed(3)}  retrieve p50 ${pct(r.ms, 0.5).toFixed(1)} ms  p95 ${pct(r.ms, 0.95).toFixed(1)} ms`,
    );
  }
  console.log(`  identical top-5 lists: ${same}/${n}`);
}

await local.close();
await postgres.close();
await server?.stop();
await rm(indexDir, { recursive: true, force: true });
