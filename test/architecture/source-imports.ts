import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root and its src/ folder, as absolute paths. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SRC = join(ROOT, 'src');

/** One import of one source file: the specifier as written and, for a relative one, the file it names. */
export interface SourceImport {
  /** Importing file, relative to src/ (`server/ask.ts`). */
  from: string;
  /** The specifier as written (`../app/assistant.js`, `hono/streaming`, `node:fs`). */
  specifier: string;
  /** For a relative specifier: the imported file relative to src/ (`app/assistant.ts`). */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every import of every file under src/: static and type-only imports, re-exports, `import()` and
 * `import.meta.resolve('…')` (how a worker finds tsx), read by TypeScript's own scanner rather than by
 * a regular expression, so an import-shaped line inside a string or comment does not count.
 */
export function sourceImports(): SourceImport[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const from = relative(SRC, file);
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    for (const m of text.matchAll(/import\.meta\.resolve\(\s*'([^']+)'\s*\)/g)) specifiers.push(m[1]);
    return specifiers.map((specifier) => {
      if (!specifier.startsWith('.')) return { from, specifier };
      const target = relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
      return { from, specifier, target };
    });
  });
}

/** The npm package a bare specifier names (`@hono/node-server/serve-static` → `@hono/node-server`). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
