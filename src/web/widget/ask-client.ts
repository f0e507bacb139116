import type {
  WireAnswer,
  WireCitation,
  WireProblem,
  WireSource,
  WireWidgetConfig,
} from '../shared/api-types.js';
import { createSseParser } from './sse-parser.js';

/** Callbacks of one streamed answer. */
export interface AskHandlers {
  /** The passages retrieved for the question (the stream's first event). */
  onSources?(sources: WireSource[]): void;
  onDelta(text: string): void;
  onCitations(citations: WireCitation[]): void;
  onDone(answer: WireAnswer): void;
  onError(problem: WireProblem): void;
}

/** Thrown for an HTTP error before the stream began; carries the problem body. */
export class ProblemError extends Error {
  constructor(readonly problem: WireProblem) {
    super(problem.detail ?? problem.title ?? 'request failed');
  }
}

async function readProblem(res: Response): Promise<WireProblem> {
  try {
    return (await res.json()) as WireProblem;
  } catch {
    return { status: res.status, title: `HTTP ${res.status}` };
  }
}

/**
 * POSTs a question and reads the SSE answer with fetch + ReadableStream (EventSource cannot
 * POST). A server that answers plain JSON instead of a stream is handled too.
 */
export async function askStreaming(
  apiBase: string,
  body: { question: string; conversationId?: string },
  handlers: AskHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const res = await fetch(`${apiBase}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw new ProblemError(await readProblem(res));
  if (!(res.headers.get('content-type') ?? '').includes('text/event-stream') || !res.body) {
    const answer = (await res.json()) as WireAnswer;
    handlers.onDelta(answer.answer);
    handlers.onCitations(answer.citations);
    handlers.onDone(answer);
    return;
  }
  const parser = createSseParser();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let finished = false;
  const handle = (events: ReturnType<typeof parser.push>) => {
    for (const ev of events) {
      const data = ev.data ? (JSON.parse(ev.data) as unknown) : {};
      if (ev.event === 'meta') handlers.onSources?.((data as { sources?: WireSource[] }).sources ?? []);
      else if (ev.event === 'delta') handlers.onDelta((data as { text: string }).text ?? '');
      else if (ev.event === 'citations')
        handlers.onCitations((data as { citations: WireCitation[] }).citations);
      else if (ev.event === 'done') {
        finished = true;
        handlers.onDone(data as WireAnswer);
      } else if (ev.event === 'error') {
        finished = true;
        handlers.onError(data as WireProblem);
      }
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    handle(parser.push(value));
  }
  handle(parser.end());
  if (!finished) handlers.onError({ title: '连接中断', detail: '回答未完整接收，请重试。' });
}

/** POST /api/feedback; resolves false on any failure (feedback must never break the chat). */
export async function sendFeedback(
  apiBase: string,
  body: { requestId: string; rating: 'up' | 'down'; comment?: string },
): Promise<boolean> {
  try {
    const res = await fetch(`${apiBase}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** GET /api/widget-config (question and comment limits, referral line); undefined when it cannot be read. */
export async function fetchWidgetConfig(apiBase: string): Promise<WireWidgetConfig | undefined> {
  try {
    const res = await fetch(`${apiBase}/api/widget-config`);
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<WireWidgetConfig>;
    if (
      typeof body.maxQuestionChars !== 'number' ||
      typeof body.maxCommentChars !== 'number' ||
      typeof body.referralLine !== 'string'
    )
      return undefined;
    return {
      maxQuestionChars: body.maxQuestionChars,
      maxCommentChars: body.maxCommentChars,
      referralLine: body.referralLine,
      referralPhones: body.referralPhones ?? [],
    };
  } catch {
    return undefined;
  }
}
