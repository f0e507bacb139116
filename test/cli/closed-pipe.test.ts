import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const helper = resolve('src/cli/closed-pipe.ts');
let dir: string | undefined;

/** Runs a script that writes far more than a pipe holds; the reader stops after the first chunk. */
async function runWithEarlyReaderExit(guarded: boolean): Promise<{ code: number | null; stderr: string }> {
  dir ??= await mkdtemp(join(tmpdir(), 'closed-pipe-'));
  const script = join(dir, `writer-${guarded}.ts`);
  await writeFile(
    script,
    `import { endQuietlyWhenPipeCloses } from ${JSON.stringify(helper)};
${guarded ? 'endQuietlyWhenPipeCloses();' : ''}
const line = '第七条 养犬人取得犬只后，应当办理信息登记。\\n'.repeat(50);
const timer = setInterval(() => process.stdout.write(line), 1);
setTimeout(() => clearInterval(timer), 5000);
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  return { code, stderr };
}

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a command-line tool whose reader closes the pipe (npm run ask … | head)', () => {
  it('exits 0 without a stack trace', async () => {
    const { code, stderr } = await runWithEarlyReaderExit(true);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 30_000);

  it('crashes with EPIPE without the guard (what the guard is for)', async () => {
    const { code, stderr } = await runWithEarlyReaderExit(false);
    expect(code).not.toBe(0);
    expect(stderr).toContain('EPIPE');
  }, 30_000);
});
