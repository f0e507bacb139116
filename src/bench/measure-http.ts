import autocannon from 'autocannon';
import { percentile } from '../eval/percentile.js';
import { round } from '../eval/summary.js';

export interface HttpLoadResult {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
}

export interface HttpLoadOptions {
  baseUrl: string;
  /** Seconds of load. The figures use 10. */
  seconds: number;
  /** Concurrent connections. The figures use 50. */
  connections: number;
}

/**
 * A bounded load on one route with autocannon, cycling through the questions (each connection
 * starts at a different one). p95 comes from every response time (autocannon's own histogram
 * stops at p90 and p97.5).
 */
export async function loadRoute(
  route: 'search' | 'ask',
  questions: readonly string[],
  { baseUrl, seconds, connections }: HttpLoadOptions,
): Promise<HttpLoadResult> {
  let next = 0;
  const pick = () => {
    const q = questions[next % questions.length];
    next += 1;
    return q;
  };
  const request =
    route === 'search'
      ? {
          method: 'GET',
          setupRequest: (req: { path?: string }) => ({
            ...req,
            path: `/api/search?q=${encodeURIComponent(pick())}`,
          }),
        }
      : {
          method: 'POST',
          path: '/api/ask',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: { body?: string }) => ({ ...req, body: JSON.stringify({ question: pick() }) }),
        };
  const times: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [request],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status < 400) times.push(ms);
  });
  const result = await instance;
  return {
    rps: round(result.requests.average, 1),
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
