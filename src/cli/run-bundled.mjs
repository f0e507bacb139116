// @ts-check
/**
 * Runs a command-line tool from one JavaScript bundle of its TypeScript sources instead of through
 * tsx. tsx starts a loader thread and transpiles every imported file at each start (~1.5 s of the
 * 3.9 s `npm run ask` took, measured 2026-11-30); the bundle is built once with esbuild (~0.5 s) and
 * then started with plain `node`.
 *
 * Nothing built is committed: the bundle lives in `.tmp/cli/` (ignored by git) beside a list of the
 * files it was built from with their sizes and modification times. It is rebuilt on the first run
 * of a clean clone and whenever one of those files (or esbuild's version) changed, so an edited
 * source is never run stale. This file is plain JavaScript because it must start without tsx.
 *
 * Usage: node src/cli/run-bundled.mjs ask [arguments of ask…]
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The tools that run bundled, by the name given on the command line. */
const ENTRIES = /** @type {Record<string, string>} */ ({ ask: 'src/cli/ask.ts' });

/** @typedef {{ esbuild: string, inputs: Record<string, string> }} Stamp */

/** @param {string} path */
function fileStamp(path) {
  const { size, mtimeMs } = statSync(path);
  return `${size}:${mtimeMs}`;
}

/** @param {string} stampPath @param {string} esbuildVersion */
function isFresh(stampPath, esbuildVersion) {
  try {
    /** @type {Stamp} */
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.esbuild !== esbuildVersion) return false;
    return Object.entries(stamp.inputs).every(([file, seen]) => fileStamp(join(ROOT, file)) === seen);
  } catch {
    return false;
  }
}

/**
 * Bundles `entry` with the project's own sources inlined and packages left to Node. Each source
 * keeps its own `import.meta.url`, so files found next to it (lexicon/, prompts/, worker modules,
 * which still run through tsx) resolve as they do unbundled.
 * @param {string} entry @param {string} out @param {string} stampPath
 */
async function build(entry, out, stampPath) {
  const esbuild = await import('esbuild');
  /** Each source's stamp, taken before it is read: an edit made during the build shows as stale. */
  const inputs = /** @type {Record<string, string>} */ ({});
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    absWorkingDir: ROOT,
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            const url = JSON.stringify(pathToFileURL(args.path).href);
            inputs[relative(ROOT, args.path)] = fileStamp(args.path);
            const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, url);
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  for (const file of [...Object.keys(result.metafile.inputs), 'tsconfig.json', 'package.json']) {
    inputs[file] ??= fileStamp(join(ROOT, file));
  }
  mkdirSync(join(ROOT, '.tmp', 'cli'), { recursive: true });
  // Written aside and renamed: two first runs at once each write a whole file.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  const stamp = /** @type {Stamp} */ ({ esbuild: esbuild.version, inputs });
  writeFileSync(`${stampPath}.${process.pid}.tmp`, JSON.stringify(stamp));
  renameSync(`${stampPath}.${process.pid}.tmp`, stampPath);
}

const name = process.argv[2] ?? '';
const entry = ENTRIES[name];
if (!entry) {
  process.stderr.write(
    `usage: node src/cli/run-bundled.mjs <${Object.keys(ENTRIES).join('|')}> [arguments]\n`,
  );
  process.exit(2);
}
const out = join(ROOT, '.tmp', 'cli', `${name}.mjs`);
const stampPath = join(ROOT, '.tmp', 'cli', `${name}.inputs.json`);
const esbuildVersion = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'esbuild', 'package.json'), 'utf8'),
).version;
if (!isFresh(stampPath, esbuildVersion)) await build(entry, out, stampPath);
// The tool reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
await import(pathToFileURL(out).href);
