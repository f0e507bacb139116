import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildAssistant } from '../app/build-assistant.js';
import type { Config } from '../config.js';
import { round } from '../eval/summary.js';
import type { IngestProgress } from '../ingest/ingest-pipeline.js';
import type { BenchReport } from './bench-report.js';
import { childEnv, freePort, runToEnd, spawnTsx, stopChild, waitForOk } from './child-process.js';
import { chooseFraction, listDocumentIds } from './corpus-subset.js';
import { type HnswMeasurement, measureHnsw } from './measure-hnsw.js';
import { type HttpLoadResult, loadRoute } from './measure-http.js';
import { measureNaive } from './measure-naive.js';
import { measurePgvector } from './measure-pgvector.js';
import { measureQueries } from './measure-queries.js';

export interface BenchOptions {
  /** The config the service would run with; the bench replaces its index, data and upload dirs. */
  config: Config;
  corpusDirs: string[];
  /** Keep only these document ids (`--only`). */
  only?: Set<string>;
  /** Deterministic share of the corpus (see corpus-subset.ts). Default 1. */
  fraction?: number;
  questions: string[];
  /** Seconds of HTTP load per route. Default 10. */
  httpSeconds?: number;
  /** autocannon connections. Default 50. */
  connections?: number;
  /**
   * Where the index lives: a fresh local index in a temp dir (default), or the PostgreSQL store at
   * `databaseUrl` (rebuilt from scratch: point it at a scratch database).
   */
  store?: 'local' | 'postgres';
  databaseUrl?: string;
  /** Build the index with worker threads (default true); false for a single-thread comparison. */
  parallel?: boolean;
  onProgress?: IngestProgress;
  /** One line per phase, for the terminal. */
  log?: (line: string) => void;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

/**
 * One benchmark run: a fresh index in a temp dir, in-process query latencies, HNSW against an
 * exact scan, the naive baseline, a cold load in a fresh process, and HTTP load against the real
 * service in a child process (so the load generator and the server each have their own thread).
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { corpusDirs, questions, fraction = 1, httpSeconds = 10, connections = 50, log = () => {} } = options;
  if (questions.length === 0) throw new Error('bench: no questions to time');
  const work = await mkdtemp(join(tmpdir(), 'zhengwu-bench-'));
  const config: Config = {
    ...options.config,
    indexDir: join(work, 'index'),
    dataDir: join(work, 'data'),
    uploadDir: join(work, 'uploads'),
    corpusDirs,
    rateLimitPerMinute: 0,
    logLevel: 'silent',
    chat: { kind: 'extractive' },
    store: options.store ?? 'local',
    databaseUrl: options.databaseUrl,
  };
  if (config.store === 'postgres' && !config.databaseUrl)
    throw new Error('bench: --store postgres needs a database URL');
  const machine = {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    memoryGigabytes: round(totalmem() / 2 ** 30, 1),
    freeGigabytes: round(freemem() / 2 ** 30, 1),
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
    node: process.version,
  };
  try {
    const ids = await listDocumentIds(corpusDirs);
    const chosen = chooseFraction(options.only ? ids.filter((id) => options.only?.has(id)) : ids, fraction);

    log(`ingest: ${chosen.size} documents`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const assistant = await buildAssistant(config, {
      ingest: { only: chosen, dirs: corpusDirs, rebuild: true, parallel: options.parallel ?? true },
      onProgress: options.onProgress,
    });
    const ingestSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const report = assistant.lastIngest;
    if (!report) throw new Error('bench: the index was not built');
    const s = report.stages;

    let textBytes = 0;
    for (const meta of await assistant.store.listDocuments()) {
      const doc = await assistant.store.getDocument(meta.id);
      textBytes += Buffer.byteLength(doc?.text ?? '', 'utf8');
    }

    log(`queries: ${questions.length} questions`);
    const query = await measureQueries(
      { retriever: assistant.retriever, answerer: assistant.extractive, k: config.retrievalK },
      questions,
    );
    log('hnsw: recall and speed against an exact scan');
    const { store } = assistant;
    let hnsw: HnswMeasurement;
    if (store.vectorGraph) {
      hnsw = await measureHnsw(store.vectorGraph(), assistant.embedder, questions);
    } else if (store.storedVectors) {
      hnsw = await measurePgvector(store, await store.storedVectors(), assistant.embedder, questions);
    } else {
      throw new Error('bench: the store shows neither its vector graph nor its stored vectors');
    }
    log('naive: LangChain splitter baseline');
    const naive = await measureNaive(
      { source: assistant.store, embedder: assistant.embedder, answerer: assistant.extractive },
      questions,
    );
    // A database says what it occupies; a local index is the files under its directory.
    let bytesOnDisk = await store.bytesOnDisk?.();
    await assistant.close();
    bytesOnDisk ??= await bytesUnder(config.indexDir);

    log('cold load: fresh process');
    const cold = JSON.parse(
      (await runToEnd(spawnTsx('src/bench/cold-load-child.ts', [questions[0]], childEnv(config)))).trim(),
    ) as { loadSeconds: number; firstAnswerSeconds: number; processSeconds: number; rssBytes: number };

    log(`http: ${httpSeconds} s × ${connections} connections per route`);
    const http = await measureService(config, questions, httpSeconds, connections);

    return {
      corpus: {
        documents: report.documents,
        chunks: report.chunks,
        megabytes: round(textBytes / 2 ** 20, 2),
        fraction,
      },
      ingest: {
        seconds: round(ingestSeconds, 2),
        stages: {
          load: round(s.load ?? 0, 2),
          tokenize: round(s.tokenize ?? 0, 2),
          embed: round(s.embed ?? 0, 2),
          hnsw: round(s.hnsw ?? s.index ?? 0, 2),
          bm25: round(s.bm25 ?? 0, 2),
          write: round(s.write ?? 0, 2),
          ...Object.fromEntries(
            Object.entries(s)
              .filter(([k]) => !['load', 'tokenize', 'embed', 'hnsw', 'bm25', 'write'].includes(k))
              .map(([k, v]) => [k, round(v, 2)]),
          ),
        },
        cpuSeconds: round((cpu.user + cpu.system) / 1e6, 1),
        parallel: options.parallel ?? true,
      },
      index: {
        bytesOnDisk,
        coldLoadSeconds: round(cold.loadSeconds, 3),
        rssMegabytes: round(cold.rssBytes / 2 ** 20, 1),
        coldFirstAnswerSeconds: round(cold.firstAnswerSeconds, 3),
        store: config.store,
      },
      query,
      hnsw: {
        recallAt10: round(hnsw.recallAt10, 4),
        speedupVsExact: round(hnsw.speedupVsExact, 1),
        labelRecallAt10: round(hnsw.labelRecallAt10, 4),
        hnswMs: hnsw.hnswMs,
        exactMs: hnsw.exactMs,
        params: hnsw.params,
        sweep: hnsw.sweep,
      },
      http: {
        searchRps: http.search.rps,
        searchP95Ms: http.search.p95Ms,
        askRps: http.ask.rps,
        askP95Ms: http.ask.p95Ms,
        seconds: httpSeconds,
        connections,
        searchErrors: http.search.errors,
        askErrors: http.ask.errors,
      },
      naive,
      machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Starts the real service (cli/serve.ts) on a free loopback port over the built index and loads it. */
async function measureService(
  config: Config,
  questions: readonly string[],
  seconds: number,
  connections: number,
): Promise<{ search: HttpLoadResult; ask: HttpLoadResult }> {
  const port = await freePort();
  const child = spawnTsx('src/cli/serve.ts', [], childEnv(config, { HOST: '127.0.0.1', PORT: String(port) }));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.resume();
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${baseUrl}/readyz`, 120_000);
    // Warm the service (jieba's dictionary loads on the first question).
    for (const q of questions.slice(0, 20))
      await (await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`)).text();
    const search = await loadRoute('search', questions, { baseUrl, seconds, connections });
    const ask = await loadRoute('ask', questions, { baseUrl, seconds, connections });
    return { search, ask };
  } catch (err) {
    throw new Error(`bench: service failed: ${(err as Error).message}\n${stderr}`);
  } finally {
    await stopChild(child);
  }
}
