import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageName, ROOT, sourceImports } from './source-imports.js';

interface PackageJson {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const builtins = new Set(builtinModules);

/** Packages src/ imports, each with the files that import it. */
function importedPackages(filter: (from: string) => boolean = () => true): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const i of sourceImports()) {
    if (i.target !== undefined || i.specifier.startsWith('node:') || !filter(i.from)) continue;
    const name = packageName(i.specifier);
    if (builtins.has(name)) continue;
    used.set(name, [...(used.get(name) ?? []), i.from]);
  }
  return used;
}

/** Packages an npm script runs by name (`node --import tsx …`). */
function scriptPackages(): Set<string> {
  const words = Object.values(pkg.scripts).flatMap((s) => s.split(/\s+/));
  return new Set(Object.keys(pkg.dependencies).filter((name) => words.includes(name)));
}

describe('package.json', () => {
  it('lists no dependency that src/ does not import or an npm script does not run', () => {
    const used = importedPackages();
    const run = scriptPackages();
    const unused = Object.keys(pkg.dependencies).filter((name) => !used.has(name) && !run.has(name));
    expect(unused).toEqual([]);
  });

  it('declares every package src/ imports, and what runs in the service as a dependency (not dev)', () => {
    // bench/ is a developer's command (`npm run bench`): it may use development packages (autocannon).
    const runtime = importedPackages((from) => !from.startsWith('bench/'));
    const notRuntime = [...runtime]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([n, f]) => `${n} (${f[0]})`);
    expect(notRuntime).toEqual([]);
    const all = importedPackages();
    const undeclared = [...all.keys()].filter((n) => !(n in pkg.dependencies) && !(n in pkg.devDependencies));
    expect(undeclared).toEqual([]);
  });
});
