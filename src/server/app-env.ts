import type { ConversationStore } from '../answer/conversation-store.js';
import type { QuestionRewriter } from '../answer/question-rewriter.js';
import type { Config } from '../config.js';
import type { Logger } from '../log/logger.js';
import type { FeedbackStore } from './feedback-store.js';
import type { ServiceMetrics } from './metrics-registry.js';
import type { ServiceState } from './service-state.js';

/** Per-request values set by the request-context middleware. */
export type AppEnv = {
  Variables: {
    requestId: string;
    /** The service logger bound to this request's id. */
    log: Logger;
  };
};

/** Everything `createApp` needs, built once by the composition root (app/start-service.ts). */
export interface AppDeps {
  config: Config;
  state: ServiceState;
  logger: Logger;
  feedback: FeedbackStore;
  metrics: ServiceMetrics;
  conversations: ConversationStore;
  rewriter: QuestionRewriter;
}
