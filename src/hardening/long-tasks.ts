import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Where does the event loop stop? Reads V8 CPU profiles (`node --cpu-prof`, e.g. written by
 * `responsiveness.ts --cpu-prof DIR`) and lists each stretch of samples without idle time longer
 * than `--min-ms`: when it started (ms after the profile began), how long it ran, and the project
 * functions (under src/) that held it, by sampled time.
 *
 *   node --import tsx src/hardening/long-tasks.ts DIR-or-FILE [--min-ms 50] [--top 4] [--stalls FILE]
 *
 * With a directory it reads the main thread's profile of each process (thread id 0 in the file
 * name); workers run beside the loop and do not block it. A busy stretch may hold several short
 * tasks (the loop turned, but found more work at once); `--stalls` (default: `stalls.jsonl` in the
 * directory, written by `responsiveness.ts --cpu-prof`) lists instead the stalls the service itself
 * saw, each with the functions sampled during it.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Sample nodes that mean the thread had nothing to run. */
const IDLE = new Set(['(idle)']);

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/src\//, 'src/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** For each node: the names of the project frames on its stack (innermost first), deduplicated. */
function projectStacks(profile: CpuProfile): Map<number, string[]> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<number, string[]>();
  for (const n of profile.nodes) {
    const names: string[] = [];
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node && /\/src\/.*\.ts$/.test(node.callFrame.url) && !/\/node_modules\//.test(node.callFrame.url)) {
        const name = frameName(node);
        if (!names.includes(name)) names.push(name);
      }
    }
    out.set(n.id, names);
  }
  return out;
}

interface LongTask {
  startMs: number;
  ms: number;
  /** Sampled ms per project frame on the stack (inclusive). */
  frames: Map<string, number>;
  /** Sampled ms per innermost frame of any kind (self time: natives, GC, JSON). */
  self: Map<string, number>;
}

export function longTasks(profile: CpuProfile, minMs: number): LongTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stacks = projectStacks(profile);
  const tasks: LongTask[] = [];
  let current: LongTask | undefined;
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] / 1000;
    t += dt;
    const node = byId.get(profile.samples[i]);
    const idle = !node || IDLE.has(node.callFrame.functionName);
    if (idle) {
      if (current && current.ms >= minMs) tasks.push(current);
      current = undefined;
      continue;
    }
    current ??= { startMs: t - dt, ms: 0, frames: new Map(), self: new Map() };
    const next = profile.timeDeltas[i + 1] ?? 0;
    const ms = next / 1000;
    current.ms += ms;
    for (const name of stacks.get(node.id) ?? [])
      current.frames.set(name, (current.frames.get(name) ?? 0) + ms);
    const self = frameName(node);
    current.self.set(self, (current.self.get(self) ?? 0) + ms);
  }
  if (current && current.ms >= minMs) tasks.push(current);
  return tasks;
}

interface StallLine {
  loopStall: number;
  endUs: number;
  phase?: string;
}

/** The stalls the service measured, each with what the profile sampled in its window. */
export function attributeStalls(profile: CpuProfile, stalls: StallLine[]): LongTask[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stacks = projectStacks(profile);
  const times: number[] = [];
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) {
    t += dt;
    times.push(t);
  }
  return stalls.map((stall) => {
    const from = stall.endUs - stall.loopStall * 1000;
    const task: LongTask = {
      startMs: (from - profile.startTime) / 1000,
      ms: stall.loopStall,
      frames: new Map(),
      self: new Map(),
    };
    for (let i = 0; i < times.length; i++) {
      if (times[i] < from || times[i] > stall.endUs) continue;
      const node = byId.get(profile.samples[i]);
      if (!node) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      for (const name of stacks.get(node.id) ?? []) task.frames.set(name, (task.frames.get(name) ?? 0) + ms);
      const self = frameName(node);
      task.self.set(self, (task.self.get(self) ?? 0) + ms);
    }
    return task;
  });
}

function top(map: Map<string, number>, n: number): string {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${Math.round(ms)} ms ${name}`)
    .join('\n      ');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'min-ms': { type: 'string', default: '50' },
      top: { type: 'string', default: '4' },
      stalls: { type: 'string' },
    },
  });
  const target = positionals[0];
  if (!target) throw new Error('usage: long-tasks.ts DIR-or-FILE [--min-ms 50] [--top 4]');
  const files = target.endsWith('.cpuprofile')
    ? [target]
    : (await readdir(target))
        .filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
        .sort()
        .map((f) => join(target, f));
  const n = Number(values.top);
  const minMs = Number(values['min-ms']);
  const stallsFile =
    values.stalls ?? (target.endsWith('.cpuprofile') ? undefined : join(target, 'stalls.jsonl'));
  const stalls = stallsFile
    ? await readFile(stallsFile, 'utf8').then(
        (text) =>
          text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as StallLine)
            .filter((x) => x.loopStall >= minMs),
        () => undefined,
      )
    : undefined;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    const tasks = stalls ? attributeStalls(profile, stalls) : longTasks(profile, minMs);
    const what = stalls ? 'loop stall(s)' : 'busy stretch(es)';
    process.stdout.write(`${file}: ${tasks.length} ${what} ≥ ${minMs} ms\n`);
    tasks.forEach((task, i) => {
      const phase = stalls?.[i]?.phase ? ` [${stalls[i].phase}]` : '';
      process.stdout.write(
        `  at ${(task.startMs / 1000).toFixed(2)} s${phase}: ${Math.round(task.ms)} ms\n    project frames:\n      ${top(task.frames, n)}\n    self:\n      ${top(task.self, n)}\n`,
      );
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`long-tasks failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
