import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { AnswerProvider } from '../answer/answer-provider.js';
import { createChatModel } from '../answer/chat-registry.js';
import { ConversationStore } from '../answer/conversation-store.js';
import { loadPromptSet } from '../answer/prompt-templates.js';
import { LlmQuestionRewriter, RuleQuestionRewriter } from '../answer/question-rewriter.js';
import type { Config } from '../config.js';
import { isAppError } from '../errors.js';
import { readCurrent } from '../index/index-files.js';
import type { Logger } from '../log/logger.js';
import { createApp } from '../server/app.js';
import { FeedbackStore } from '../server/feedback-store.js';
import { ServiceMetrics } from '../server/metrics-registry.js';
import { ServiceState } from '../server/service-state.js';
import { keepDictionariesScoped } from '../text/jieba-loader.js';
import { createWebRoutes } from '../web/web-routes.js';
import type { Assistant } from './assistant.js';
import { buildAssistant } from './build-assistant.js';
import { buildIndexInWorker } from './build-in-worker.js';
import { createConfiguredAnswerer } from './configured-answerer.js';
import { warmUp } from './warm-up.js';

/** Progress lines while building the index: at most one per stage per this many ms. */
const PROGRESS_LOG_MS = 2_000;

export interface RunningService {
  server: ServerType;
  state: ServiceState;
  /** Resolves when the index is loaded (or rejects when it failed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root of the service (`npm start` only parses the environment and calls it; the
 * soak and the end-to-end tests start the same service): listen first, then load (or on first start build) the
 * index in the background, so /healthz answers at once and /readyz turns 200 when it is loaded.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  // This thread cuts only questions: jieba's whole dictionary (a ~1.5 s synchronous load) is never
  // loaded here, where every request would wait for it; documents are cut on worker threads.
  keepDictionariesScoped();
  const prompts = await loadPromptSet();
  const metrics = new ServiceMetrics();
  const chat = createChatModel(config.chat);
  const state = new ServiceState();
  const feedback = FeedbackStore.open(config.dataDir);
  const rewriter = chat
    ? new LlmQuestionRewriter({
        chat,
        prompts,
        logger,
        onFallback: () => metrics.fallbacks.inc({ stage: 'rewrite' }),
      })
    : new RuleQuestionRewriter();
  if (!config.conversationSecret)
    logger.warn('CONVERSATION_SECRET is not set: conversation ids are signed with a random per-process key');
  const conversations = new ConversationStore({ secret: config.conversationSecret });
  const web = createWebRoutes({
    maxUploadBytes: config.maxUploadBytes,
    maxQuestionChars: config.maxQuestionChars,
    referralLine: config.referralLine,
  });
  const app = createApp({ config, state, logger, feedback, metrics, conversations, rewriter }, { web });

  // Before listening, so that the first requests wait for none of it (warm-up.ts).
  await warmUp(app, web.warmed, config.lexiconFiles);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
      logger.info('listening', {
        host: info.address,
        port: info.port,
        chat: config.chat.kind,
        prompts: prompts.answerSystem.version,
      });
      resolve(s);
    });
  });

  let watcher: NodeJS.Timeout | undefined;
  /** The assembled pipeline being served (closed on reload and shutdown). */
  const assistants: Assistant[] = [];
  const lastProgress = new Map<string, number>();
  const onProgress = (stage: string, done: number, total: number) => {
    state.progress = `${stage} ${done}/${total}`;
    const now = Date.now();
    if (done === total || now - (lastProgress.get(stage) ?? 0) >= PROGRESS_LOG_MS) {
      lastProgress.set(stage, now);
      logger.info('index progress', { stage, done, total });
    }
  };
  const log = (message: string, fields?: Record<string, unknown>) => logger.info(message, fields);
  const ready = (async () => {
    // A first build runs on a worker thread: this thread keeps answering /healthz and /readyz.
    if (config.store === 'local' && !(await readCurrent(config.indexDir))) {
      await buildIndexInWorker(config, { onProgress, log });
    }
    return buildAssistant(config, { uploadWorker: true, onProgress, log });
  })().then(
    (built) => {
      assistants.push(built);
      state.setReady({ assistant: built, answerer: chooseAnswerer(built) });
      if (config.store === 'local') shareIndex();
      logger.info('ready', { answerer: chat?.id ?? 'extractive', generation: built.store.generation });
      // Uploads a crash interrupted: kept if the index committed them, deleted otherwise.
      return state
        .write('reconcile uploads', (current) => current.indexer.reconcile())
        .then(
          ({ restored, removed }) => {
            if (restored.length + removed.length > 0)
              logger.warn('uploads reconciled', { restored, removed });
          },
          (err: unknown) => logger.error('upload reconcile failed', { err }),
        );
    },
    (err: unknown) => {
      state.setFailed();
      logger.error('index load failed', { err });
      throw err;
    },
  );
  ready.catch(() => undefined);

  /**
   * Other processes (the CLI ingest) may write the same index directory: writes take its lock and
   * start from the newest generation, and a watcher loads a generation someone else committed.
   */
  function shareIndex(): void {
    state.useIndexSync({
      lockDir: config.indexDir,
      waitMs: config.indexLockWaitMs,
      reload: async () => {
        const built = await buildAssistant(config, { uploadWorker: true, log });
        // The one it replaces is closed by the state; its upload worker goes with it here.
        for (const old of assistants.splice(0)) void old.close();
        assistants.push(built);
        return { assistant: built, answerer: chooseAnswerer(built) };
      },
      onReload: (generation) => logger.info('index reloaded', { generation }),
    });
    if (config.indexWatchMs > 0) {
      let looking = false;
      watcher = setInterval(() => {
        if (looking) return;
        looking = true;
        state
          .refresh()
          .catch((err: unknown) => logger.error('index reload failed', { err }))
          .finally(() => {
            looking = false;
          });
      }, config.indexWatchMs);
      watcher.unref();
    }
  }

  function chooseAnswerer(built: Assistant): AnswerProvider {
    return createConfiguredAnswerer({
      config,
      chat,
      prompts,
      extractive: built.extractive,
      onModelCall: (ms, outcome) =>
        chat && metrics.llmSeconds.observe({ provider: chat.id, outcome }, ms / 1000),
      onFallback: (err) => {
        const code = isAppError(err) ? err.code : 'UNKNOWN';
        metrics.fallbacks.inc({ stage: 'answer', code });
        metrics.providerErrors.inc({ code });
        logger.warn('answer fell back to extractive', { err });
      },
    });
  }

  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would hold close() open until they time out.
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    clearInterval(watcher);
    for (const built of assistants) await built.close();
    feedback.close();
  };
  return { server, state, ready, close };
}
