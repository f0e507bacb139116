import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * The launcher `npm run ask` uses, on a small project of its own in a temp dir (the real one's
 * sources are not edited by a test): real processes, real files, the real esbuild.
 */
describe('run-bundled.mjs', () => {
  let root: string;
  const launch = (...args: string[]) =>
    run('node', [join(root, 'src', 'cli', 'run-bundled.mjs'), 'ask', ...args], {
      cwd: root,
      timeout: 60_000,
    });
  const writeMessage = (text: string) =>
    writeFile(
      join(root, 'src', 'text', 'message.ts'),
      `import { readFileSync } from 'node:fs';\n` +
        `const beside = readFileSync(new URL('./beside.txt', import.meta.url), 'utf8').trim();\n` +
        `export const message: string = ${JSON.stringify(text)} + ' ' + beside;\n`,
    );

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'run-bundled-'));
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await mkdir(join(root, 'src', 'text'), { recursive: true });
    await copyFile('src/cli/run-bundled.mjs', join(root, 'src', 'cli', 'run-bundled.mjs'));
    await symlink(resolve('node_modules'), join(root, 'node_modules'));
    await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(root, 'tsconfig.json'), '{}\n');
    await writeFile(join(root, 'src', 'text', 'beside.txt'), 'found beside its source\n');
    await writeFile(
      join(root, 'src', 'cli', 'ask.ts'),
      `import { message } from '../text/message.js';\nprocess.stdout.write(\`\${message} [\${process.argv.slice(2).join(',')}]\`);\n`,
    );
    await writeMessage('first');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('runs the tool from a bundle, with its own arguments and each source’s own import.meta.url', async () => {
    const { stdout } = await launch('--json', '问题');
    expect(stdout).toBe('first found beside its source [--json,问题]');
  });

  it('rebuilds when a source changed, and not otherwise', async () => {
    await launch();
    const bundle = join(root, '.tmp', 'cli', 'ask.mjs');
    const before = statSync(bundle).mtimeMs;
    await launch();
    expect(statSync(bundle).mtimeMs).toBe(before);
    await writeMessage('second, edited');
    const { stdout } = await launch();
    expect(stdout).toBe('second, edited found beside its source []');
  });

  it('refuses an unknown tool', async () => {
    await expect(
      run('node', [join(root, 'src', 'cli', 'run-bundled.mjs'), 'nope'], { cwd: root }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  });
});
