import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerProvider } from '../../src/answer/answer-provider.js';
import { ConversationStore } from '../../src/answer/conversation-store.js';
import { type QuestionRewriter, RuleQuestionRewriter } from '../../src/answer/question-rewriter.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';
import { createApp } from '../../src/server/app.js';
import type { AppDeps } from '../../src/server/app-env.js';
import { FeedbackStore } from '../../src/server/feedback-store.js';
import { ServiceMetrics } from '../../src/server/metrics-registry.js';
import { ServiceState } from '../../src/server/service-state.js';
import { createFakeAssistant, type FakeAssistant } from './fake-assistant.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  assistant: FakeAssistant;
  /** Every log line written, as parsed JSON and raw text. */
  logs: string[];
}

/** The real app over the fake spine, a temp data dir, and captured logs. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { answerer?: AnswerProvider; rewriter?: QuestionRewriter; ready?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'svc-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', RATE_LIMIT_PER_MINUTE: '0', ...env });
  const assistant = await createFakeAssistant(env);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (l) => logs.push(l), secrets: [config.adminToken] });
  const state = new ServiceState();
  if (options.ready !== false)
    state.setReady({ assistant, answerer: options.answerer ?? assistant.extractive });
  const deps: AppDeps = {
    config,
    state,
    logger,
    feedback: FeedbackStore.open(dataDir),
    metrics: new ServiceMetrics(),
    conversations: new ConversationStore({ secret: config.conversationSecret }),
    rewriter: options.rewriter ?? new RuleQuestionRewriter(),
  };
  return { app: createApp(deps), deps, assistant, logs };
}

/** Parses an SSE body into its events. */
export function parseSse(body: string): { event: string; data: unknown }[] {
  return body
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.replace(/^data: ?/, ''))
        .join('\n');
      return { event, data: data ? JSON.parse(data) : undefined };
    });
}
