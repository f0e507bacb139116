/**
 * A small Prometheus text-format registry (exposition format 0.0.4): counters and histograms with
 * labels. Written here rather than pulled in as a dependency; the service needs only these two kinds.
 */

type Labels = Record<string, string>;

/** Latency buckets in seconds: 5 ms to 60 s covers a BM25 lookup up to a slow LLM answer. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k].replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.values) lines.push(`${this.name}${key ? `{${key}}` : ''} ${value}`);
    return lines.join('\n');
  }
}

interface HistogramSeries {
  labels: string;
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[] = LATENCY_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels: key, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]++;
    });
    s.sum += value;
    s.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      const sep = s.labels ? ',' : '';
      this.buckets.forEach((b, i) => {
        lines.push(`${this.name}_bucket{${s.labels}${sep}le="${b}"} ${s.counts[i]}`);
      });
      lines.push(`${this.name}_bucket{${s.labels}${sep}le="+Inf"} ${s.count}`);
      lines.push(`${this.name}_sum${s.labels ? `{${s.labels}}` : ''} ${s.sum}`);
      lines.push(`${this.name}_count${s.labels ? `{${s.labels}}` : ''} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** The service's metrics, created once per app. */
export class ServiceMetrics {
  readonly requests = new Counter(
    'http_requests_total',
    'HTTP requests by route pattern, method and status.',
  );
  readonly requestSeconds = new Histogram('http_request_duration_seconds', 'HTTP request latency by route.');
  readonly retrievalSeconds = new Histogram('retrieval_duration_seconds', 'Hybrid retrieval time.');
  readonly answerSeconds = new Histogram('answer_duration_seconds', 'Answer generation time by provider.');
  readonly llmSeconds = new Histogram('llm_request_duration_seconds', 'Chat provider call time by outcome.');
  readonly refusals = new Counter(
    'answers_refused_total',
    'Answers that refused: the documents do not cover it.',
  );
  readonly fallbacks = new Counter(
    'answer_fallbacks_total',
    'Answers that fell back to the extractive provider.',
  );
  readonly ungrounded = new Counter(
    'answers_ungrounded_total',
    'Generated answers that failed the citation check.',
  );
  readonly providerErrors = new Counter('provider_errors_total', 'Chat provider failures by error code.');
  readonly feedback = new Counter('feedback_total', 'Feedback received by rating.');

  render(): string {
    return `${[
      this.requests,
      this.requestSeconds,
      this.retrievalSeconds,
      this.answerSeconds,
      this.llmSeconds,
      this.refusals,
      this.fallbacks,
      this.ungrounded,
      this.providerErrors,
      this.feedback,
    ]
      .map((m) => m.render())
      .join('\n')}\n`;
  }
}
