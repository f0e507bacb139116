import { describe, expect, it } from 'vitest';
import { sourceImports } from './source-imports.js';

/**
 * The layers of src/, lowest first (the README's "How it works" draws the same order). A file may
 * import its own folder and any lower layer; folders on one layer are independent of each other.
 * The composition root (app/) builds the pipeline and the service from everything below it, so
 * nothing below may reach up into it; entry points (bench/, cli/, hardening/) sit on top.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['domain.ts', 'errors.ts'],
  ['config.ts', 'log', 'provider-errors.ts', 'provider-client.ts'],
  ['text'],
  ['index'],
  ['ingest', 'retrieve'],
  ['answer'],
  ['eval', 'server', 'web', 'calibrate'],
  ['app'],
  ['bench'],
  ['cli'],
  ['hardening'],
];

/** The top-level part of src/ a file belongs to: its folder, or the file itself at the top. */
function partOf(path: string): string {
  return path.split('/')[0];
}

function layerOf(part: string): number {
  return LAYERS.findIndex((layer) => layer.includes(part));
}

describe('import direction', () => {
  const imports = sourceImports().filter((i) => i.target !== undefined);

  it('places every part of src/ on a layer', () => {
    const parts = new Set(imports.flatMap((i) => [partOf(i.from), partOf(i.target as string)]));
    expect([...parts].filter((p) => layerOf(p) < 0)).toEqual([]);
    // The check below means something only if it sees the imports: src/ has a few hundred.
    expect(imports.length).toBeGreaterThan(200);
  });

  it('never lets a lower layer import a higher one, or a folder import a peer on its layer', () => {
    const wrong = imports
      .filter((i) => {
        const from = partOf(i.from);
        const to = partOf(i.target as string);
        return from !== to && layerOf(to) >= layerOf(from);
      })
      .map(
        (i) =>
          `${i.from} imports ${i.specifier} (${partOf(i.target as string)} is not below ${partOf(i.from)})`,
      );
    expect(wrong).toEqual([]);
  });
});
