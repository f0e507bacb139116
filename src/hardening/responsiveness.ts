import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { latencyStats } from './load-clients.js';

/**
 * Does the service keep answering while it writes? Starts `src/cli/serve.ts` as a process on a
 * fresh index and measures, from outside:
 *
 *   build   — /healthz latency from the moment it listens until the first build is done;
 *   upload  — /healthz and /api/search latency while one large admin upload (default 8 MB) runs.
 *
 *   node --import tsx src/hardening/responsiveness.ts [--corpus DIR]... [--upload-mb 8] [--cpu-prof DIR]
 *
 * Prints numbers (p50, p99, max in ms); the issue 14 targets are /healthz < 100 ms and search
 * p99 < 500 ms during both. With `--cpu-prof DIR` the service writes V8 CPU profiles there (one per
 * thread); `src/hardening/long-tasks.ts` lists the main thread's long synchronous stretches.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'responsiveness-admin-token';
/** Gap between probes of one loop, ms: often enough to catch a stall of 100 ms. */
const PROBE_GAP_MS = 20;

interface Figures {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function figures(values: number[]): Figures {
  const { count, p50Ms, p99Ms, maxMs } = latencyStats(values);
  return { count, p50: p50Ms, p99: p99Ms, max: maxMs };
}

const show = (name: string, f: Figures) =>
  `  ${name.padEnd(16)} n=${String(f.count).padStart(5)}  p50 ${f.p50} ms  p99 ${f.p99} ms  max ${f.max} ms`;

/** GETs `url` one after another until `stop()` is true; the latencies in ms (a failure counts as its time). */
async function probe(url: string, stop: () => boolean): Promise<number[]> {
  const out: number[] = [];
  while (!stop()) {
    const t = performance.now();
    await fetch(url).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, PROBE_GAP_MS));
  }
  return out;
}

/** Monotonic time in µs, the clock of the service's stall lines and of V8 CPU profiles. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

interface Phase {
  name: string;
  fromUs: number;
}

interface Stall {
  loopStall: number;
  endUs: number;
}

/** The stall lines the service wrote (loop-stalls.ts). */
function loopStalls(log: string): Stall[] {
  const out: Stall[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{"loopStall"')) continue;
    try {
      out.push(JSON.parse(line) as Stall);
    } catch {
      // a partial line at the end
    }
  }
  return out;
}

function phaseOf(phases: Phase[], us: number): string {
  let name = 'start';
  for (const p of phases) if (us >= p.fromUs) name = p.name;
  return name;
}

/** Per phase: how many stalls of ≥ 50 ms the service's loop had, their total and the longest. */
function stallLines(stalls: Stall[], phases: Phase[]): string[] {
  const lines = ['event-loop stalls ≥ 50 ms inside the service (count, total, longest):'];
  for (const name of ['start', ...phases.map((p) => p.name)]) {
    const own = stalls.filter((s) => phaseOf(phases, s.endUs) === name).map((s) => s.loopStall);
    if (own.length === 0) continue;
    const total = own.reduce((a, b) => a + b, 0);
    lines.push(
      `  ${name.padEnd(8)} ${String(own.length).padStart(4)}  ${total} ms  max ${Math.max(...own)} ms`,
    );
  }
  return lines;
}

async function bigText(megabytes: number): Promise<string> {
  const seeds = (await readdir(join(ROOT, 'seeds'))).sort();
  const seed = await readFile(join(ROOT, 'seeds', seeds[0]), 'utf8');
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1048576; i++) {
    const part = `第${i}部分\n${seed.replaceAll('2025', String(2000 + (i % 50)))}\n`;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** The port of the service's "listening" log line, once it has been written. */
function listeningPort(log: string): number | undefined {
  for (const line of log.split('\n')) {
    if (!line.includes('"listening"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening' && typeof entry.port === 'number') return entry.port;
    } catch {
      // a partial line: read it again when the rest has arrived
    }
  }
  return undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      'upload-mb': { type: 'string', default: '8' },
      'cpu-prof': { type: 'string' },
    },
  });
  const corpus = values.corpus ?? [join(ROOT, 'seeds'), join(ROOT, 'corpus')];
  const tmp = await mkdtemp(join(tmpdir(), 'responsiveness-'));
  // This process's first fetch loads its HTTP client (~0.1 s): done before timing the service's first answer.
  await fetch('http://127.0.0.1:9/').catch(() => undefined);
  const started = performance.now();
  const phases: Phase[] = [];
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [];
  // The stall probe reports every time the service's event loop was held (see loop-stalls.ts).
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', '--import', './src/hardening/loop-stalls.ts', 'src/cli/serve.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        INDEX_DIR: join(tmp, 'index'),
        DATA_DIR: join(tmp, 'data'),
        UPLOAD_DIR: join(tmp, 'uploads'),
        CORPUS_DIRS: corpus.join(','),
        ADMIN_TOKEN: TOKEN,
        RATE_LIMIT_PER_MINUTE: '0',
        MAX_UPLOAD_BYTES: String(64 * 1048576),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  try {
    let base = '';
    while (!base) {
      // One JSON object per log line; pino puts the fields before "msg", so read the line whole.
      const port = listeningPort(out);
      if (port) base = `http://127.0.0.1:${port}`;
      else if (child.exitCode !== null) throw new Error(`service did not start:\n${out}`);
      else await new Promise((r) => setTimeout(r, 5));
    }
    const listenedS = (performance.now() - started) / 1000;
    phases.push({ name: 'build', fromUs: nowUs() });
    const firstHealth = performance.now();
    await fetch(`${base}/healthz`);
    const firstHealthMs = performance.now() - firstHealth;

    // 1. The first build: /healthz while /readyz says 503.
    let ready = false;
    const buildStarted = performance.now();
    const buildProbe = probe(`${base}/healthz`, () => ready);
    while (!ready) {
      const r = await fetch(`${base}/readyz`).catch(() => undefined);
      if (r?.status === 200) ready = true;
      else if (child.exitCode !== null) throw new Error(`service failed:\n${out}`);
      else await new Promise((res) => setTimeout(res, 100));
    }
    const buildS = (performance.now() - buildStarted) / 1000;
    const health = await buildProbe;
    const documents = ((await (await fetch(`${base}/readyz`)).json()) as { documents: number }).documents;

    // 2. Quiet baseline, then the same probes during one large upload.
    phases.push({ name: 'quiet', fromUs: nowUs() });
    const q = encodeURIComponent('公租房申请条件');
    let quietDone = false;
    const quietTimer = setTimeout(() => (quietDone = true), 3000);
    const [quietHealth, quietSearch] = await Promise.all([
      probe(`${base}/healthz`, () => quietDone),
      probe(`${base}/api/search?q=${q}&k=5`, () => quietDone),
    ]);
    clearTimeout(quietTimer);

    const megabytes = Number(values['upload-mb']);
    const text = await bigText(megabytes);
    const form = new FormData();
    form.set('file', new File([text], 'big-upload.txt'));
    let uploading = true;
    phases.push({ name: 'upload', fromUs: nowUs() });
    const t = performance.now();
    const upload = fetch(`${base}/api/admin/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    }).then(async (r) => {
      const body = await r.text();
      uploading = false;
      return { status: r.status, body };
    });
    const [upHealth, upSearch, reply] = await Promise.all([
      probe(`${base}/healthz`, () => !uploading),
      probe(`${base}/api/search?q=${q}&k=5`, () => !uploading),
      upload,
    ]);
    const uploadS = (performance.now() - t) / 1000;
    phases.push({ name: 'after', fromUs: nowUs() });
    await new Promise((r) => setTimeout(r, 200));
    const stalls = loopStalls(out);
    if (values['cpu-prof']) {
      await writeFile(
        join(resolve(values['cpu-prof']), 'stalls.jsonl'),
        stalls.map((x) => JSON.stringify({ ...x, phase: phaseOf(phases, x.endUs) })).join('\n'),
      );
    }

    process.stdout.write(
      [
        `responsiveness (measured ${new Date().toISOString().slice(0, 10)}; load average ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ')[0]})`,
        `listening after ${listenedS.toFixed(2)} s; first /healthz answered in ${firstHealthMs.toFixed(1)} ms`,
        `first build: ${documents} documents from ${corpus.join(', ')} in ${buildS.toFixed(1)} s`,
        show('healthz (build)', figures(health)),
        'quiet (3 s):',
        show('healthz', figures(quietHealth)),
        show('search', figures(quietSearch)),
        `upload of ${megabytes} MB: ${reply.status} in ${uploadS.toFixed(1)} s${reply.status === 201 ? '' : ` ${reply.body.slice(0, 200)}`}`,
        show('healthz (upload)', figures(upHealth)),
        show('search (upload)', figures(upSearch)),
        ...stallLines(stalls, phases),
      ].join('\n'),
    );
    process.stdout.write('\n');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `responsiveness failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
