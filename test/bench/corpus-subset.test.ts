import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFraction, idPosition, listDocumentIds } from '../../src/bench/corpus-subset.js';

const ids = Array.from({ length: 4000 }, (_, i) => `doc-${i}`);

describe('corpus fraction', () => {
  it('is deterministic and nested: ¼ ⊂ ½ ⊂ all', () => {
    const quarter = chooseFraction(ids, 0.25);
    const half = chooseFraction(ids, 0.5);
    expect(chooseFraction(ids, 0.25)).toEqual(quarter);
    for (const id of quarter) expect(half.has(id)).toBe(true);
    expect(chooseFraction(ids, 1).size).toBe(ids.length);
  });

  it('keeps about the asked share', () => {
    expect(chooseFraction(ids, 0.25).size / ids.length).toBeGreaterThan(0.22);
    expect(chooseFraction(ids, 0.25).size / ids.length).toBeLessThan(0.28);
    expect(chooseFraction(ids, 0.5).size / ids.length).toBeGreaterThan(0.46);
    expect(chooseFraction(ids, 0.5).size / ids.length).toBeLessThan(0.54);
  });

  it('places ids in [0, 1) and refuses fractions outside (0, 1]', () => {
    for (const id of ids.slice(0, 50)) {
      expect(idPosition(id)).toBeGreaterThanOrEqual(0);
      expect(idPosition(id)).toBeLessThan(1);
    }
    expect(() => chooseFraction(ids, 0)).toThrow(RangeError);
    expect(() => chooseFraction(ids, 1.5)).toThrow(RangeError);
  });

  it('lists document ids (file names without extension) of nested folders, hidden files aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-ids-'));
    await mkdir(join(dir, 'laws'));
    await writeFile(join(dir, 'laws', 'lrb-1.md'), '第一条');
    await writeFile(join(dir, 'a.txt'), '通知');
    await writeFile(join(dir, '.hidden.txt'), 'x');
    expect((await listDocumentIds([dir])).sort()).toEqual(['a', 'lrb-1']);
  });
});
