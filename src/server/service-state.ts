import type { AnswerProvider } from '../answer/answer-provider.js';
import { AppError } from '../errors.js';
import type { ServedAssistant as Assistant } from './served-assistant.js';

/** What the routes need once the index is loaded. */
export interface ReadyService {
  assistant: Assistant;
  /** The configured answerer (generative with fallback, or the extractive one). */
  answerer: AnswerProvider;
}

/**
 * The server listens before the index is loaded (a first start may build it for minutes);
 * routes that need the index ask this holder and get INDEX_NOT_READY (503) until it is.
 */
export class ServiceState {
  private service: ReadyService | undefined;
  status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Last progress message while loading, e.g. 'embed 1200/4300'. */
  progress: string | undefined;

  constructor(service?: ReadyService) {
    if (service) this.setReady(service);
  }

  setReady(service: ReadyService): void {
    this.service = service;
    this.status = 'ready';
    this.progress = undefined;
  }

  setFailed(): void {
    this.status = 'failed';
  }

  get current(): ReadyService | undefined {
    return this.service;
  }

  require(): ReadyService {
    if (this.service) return this.service;
    const detail =
      this.status === 'failed'
        ? '索引加载失败，请查看服务日志'
        : `索引正在加载，请稍后再试${this.progress ? ` (${this.progress})` : ''}`;
    throw new AppError('INDEX_NOT_READY', detail, { headers: { 'retry-after': '5' } });
  }
}
