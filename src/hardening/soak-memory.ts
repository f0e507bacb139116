import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Resident set size and V8 heap in use, MB. */
export interface MemoryFigures {
  rssMb: number;
  heapMb: number;
}

/** The V8 garbage collector, callable: memory is compared after a forced collection. */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return gc;
}

/** Bytes in MB, one decimal. */
export const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** RSS and heap after three collections 200 ms apart, when freed memory has settled. */
export async function settledMemory(gc: () => void): Promise<MemoryFigures> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed) };
}
