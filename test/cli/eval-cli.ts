import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `npm run eval -- …args` as a child process, with `env` over this process's environment. */
export function runEvalCli(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 150_000) {
  return run('node', ['--import', 'tsx', 'src/cli/eval.ts', ...args], {
    env: { ...process.env, ...env },
    timeout,
  });
}

/** Writes the first `items` questions of the project's gold set to `dir/gold.jsonl`; returns its path. */
export async function writeSeedGoldSample(dir: string, items: number): Promise<string> {
  const lines = (await readFile('eval/seed-gold.jsonl', 'utf8')).split('\n').slice(0, items);
  const path = join(dir, 'gold.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}
