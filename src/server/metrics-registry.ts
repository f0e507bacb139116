import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, through prom-client. It replaced a hand-written text-format
 * registry (125 lines) because it also gives the process and runtime metrics an operator expects —
 * CPU (`process_cpu_seconds_total`), memory, event-loop lag (`nodejs_eventloop_lag_seconds`), GC —
 * which that registry lacked. The names of the service's own metrics are unchanged.
 */

/** Latency buckets in seconds: 5 ms to 60 s covers a BM25 lookup up to a slow LLM answer. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface ServiceMetricsOptions {
  /** Also collect prom-client's process and Node.js metrics (CPU, memory, event-loop lag, GC). Default true. */
  processMetrics?: boolean;
}

/** The service's metrics, created once per app, each in its own registry (two apps never share counts). */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly requests = this.counter(
    'http_requests_total',
    'HTTP requests by route pattern, method and status.',
    ['route', 'method', 'status'],
  );
  readonly requestSeconds = this.histogram(
    'http_request_duration_seconds',
    'HTTP request latency by route.',
    ['route'],
  );
  readonly retrievalSeconds = this.histogram('retrieval_duration_seconds', 'Hybrid retrieval time.', []);
  readonly answerSeconds = this.histogram('answer_duration_seconds', 'Answer generation time by provider.', [
    'provider',
  ]);
  readonly llmSeconds = this.histogram(
    'llm_request_duration_seconds',
    'Chat provider call time by outcome.',
    ['provider', 'outcome'],
  );
  readonly refusals = this.counter(
    'answers_refused_total',
    'Answers that refused: the documents do not cover it.',
    ['provider'],
  );
  readonly fallbacks = this.counter(
    'answer_fallbacks_total',
    'Answers that fell back to the extractive provider.',
    ['stage', 'code'],
  );
  readonly ungrounded = this.counter(
    'answers_ungrounded_total',
    'Generated answers that failed the citation check.',
    ['provider'],
  );
  readonly providerErrors = this.counter('provider_errors_total', 'Chat provider failures by error code.', [
    'code',
  ]);
  readonly feedback = this.counter('feedback_total', 'Feedback received by rating.', ['rating']);

  constructor({ processMetrics = true }: ServiceMetricsOptions = {}) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The Content-Type of `render()`'s text (Prometheus exposition format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(name: string, help: string, labelNames: L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }
}

/** The current value of one labelled series of a counter (0 when it was never incremented). */
export async function counterValue<L extends string>(
  counter: Counter<L>,
  labels: Partial<Record<L, string>>,
): Promise<number> {
  const { values } = await counter.get();
  const wanted = Object.entries(labels);
  const series = values.find((v) => {
    const have = v.labels as Record<string, string | number | undefined>;
    return (
      wanted.length === Object.keys(have).length && wanted.every(([k, value]) => String(have[k]) === value)
    );
  });
  return series?.value ?? 0;
}
