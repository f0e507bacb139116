/**
 * The result of one metric on one item, promptfoo style: `reason` says what is missing when
 * `pass` is false (and what was found when it is true), so a miss can be read without a debugger.
 */
export interface MetricResult {
  pass: boolean;
  /** 0..1; higher is better unless the metric says otherwise (falseRefusalRate). */
  score: number;
  reason: string;
}

/** Shortens a string for a reason or a report row. */
export function head(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}
