import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../src/index/hnsw-index.js';
import { HnswWorkerBuilder } from '../../src/index/hnsw-worker-builder.js';

function vectors(n: number, dims: number): number[][] {
  let s = 42;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31 - 0.5;
  };
  return Array.from({ length: n }, () => Array.from({ length: dims }, rnd));
}

describe('HnswWorkerBuilder', () => {
  it('builds on a worker thread the same graph, byte for byte, as a main-thread build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hnsw-worker-'));
    const dims = 32;
    const data = vectors(1500, dims);
    const main = HnswVectorIndex.create(dims, { efConstruction: 40 });
    data.forEach((v, i) => {
      main.add(i, v);
    });
    main.remove(7);

    const builder = new HnswWorkerBuilder(dims, main.params);
    data.forEach((v, i) => {
      builder.add(i, v);
    });
    builder.remove(7);
    const live = data.map((_, i) => i).filter((i) => i !== 7);
    const { index, seconds } = await builder.finish(join(dir, 'build.tmp'), live);
    expect(seconds).toBeGreaterThan(0);
    expect(index.size).toBe(main.size);

    main.save(join(dir, 'main.hnsw'));
    index.save(join(dir, 'worker.hnsw'));
    expect(
      Buffer.compare(await readFile(join(dir, 'main.hnsw')), await readFile(join(dir, 'worker.hnsw'))),
    ).toBe(0);
    expect(index.search(data[3], 5)).toEqual(main.search(data[3], 5));
    expect(index.has(7)).toBe(false);
  }, 60_000);
});
