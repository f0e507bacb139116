import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { percentile } from '../eval/percentile.js';
import { round } from '../eval/summary.js';
import { PROJECT_ROOT } from './child-process.js';

/**
 * Times `npm run ask` as a person runs it: a fresh process per question against an existing index,
 * from spawn to exit (npm, node start-up, the bundle, the index, jieba, the answer). Prints the
 * wall time of each run, min / median / max, and the 1-minute load average before and after, since
 * on a shared machine the wall time follows the load.
 *
 *   npm run bench:ask -- --index /path/to/index [--runs 5] [--direct] ["问题" …]
 *
 * `--direct` runs `node src/cli/run-bundled.mjs ask` without npm (npm's own start costs ~0.3 s).
 * One warm-up run first, uncounted: it builds the bundle and the jieba word table if they are
 * missing, as the first `npm run ask` of a clean clone does.
 */

const USAGE = 'usage: npm run bench:ask -- --index DIR [--runs N] [--direct] ["问题" …]';
const DEFAULT_QUESTIONS = [
  '2025年青岛要建多少个5G基站？',
  '在青岛养犬要去哪里登记？',
  '无证明城市是什么意思',
];

/** Wall seconds of one run of `command args`; rejects when it exits non-zero. */
function timeRun(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code === 0) resolve(seconds);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err}`));
    });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      index: { type: 'string' },
      runs: { type: 'string', default: '5' },
      direct: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  if (values.help || !values.index || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const questions = positionals.length > 0 ? positionals : DEFAULT_QUESTIONS;
  const command = (q: string): [string, string[]] =>
    values.direct
      ? [process.execPath, ['src/cli/run-bundled.mjs', 'ask', '--index', values.index as string, q]]
      : ['npm', ['run', '--silent', 'ask', '--', '--index', values.index as string, q]];

  const loadBefore = loadavg()[0];
  await timeRun(...command(questions[0]));
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await timeRun(...command(questions[i % questions.length]));
    seconds.push(s);
    process.stdout.write(`run ${i + 1}: ${s.toFixed(2)} s\n`);
  }
  const loadAfter = loadavg()[0];
  const fmt = (v: number) => round(v, 2).toFixed(2);
  process.stdout.write(
    `${values.direct ? 'node src/cli/run-bundled.mjs ask' : 'npm run ask'} wall seconds over ${runs} runs: ` +
      `min ${fmt(Math.min(...seconds))}  median ${fmt(percentile(seconds, 50))}  max ${fmt(Math.max(...seconds))}` +
      `  (load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; ${new Date().toISOString()})\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
