/**
 * The value of one sample in Prometheus text, found by name and labels in any order (exporters
 * order labels differently), or undefined when no sample has exactly those labels.
 */
export function promSample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (have.size === wanted.length && wanted.every(([k, v]) => have.get(k) === v)) return Number(m[3]);
  }
  return undefined;
}
