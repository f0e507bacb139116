import type { AnswerProvider } from '../answer/answer-provider.js';
import { AppError, isAppError } from '../errors.js';
import { readCurrent } from '../index/index-files.js';
import { acquireIndexLock } from '../index/index-lock.js';
import { SerialQueue } from '../index/serial-queue.js';
import type { ServedAssistant as Assistant } from './served-assistant.js';

/** What the routes need once the index is loaded. */
export interface ReadyService {
  assistant: Assistant;
  /** The configured answerer (generative with fallback, or the extractive one). */
  answerer: AnswerProvider;
}

/** How the service shares its index directory with other writers (a CLI ingest). */
export interface IndexSync {
  /** The local index directory whose write lock every write takes. */
  lockDir: string;
  /** Longest wait for another writer, ms (then INDEX_LOCKED). */
  waitMs: number;
  /** Builds the service afresh from the index on disk (a generation another process committed). */
  reload(): Promise<ReadyService>;
  /** Told after each reload, with the generation loaded. */
  onReload?(generation: string | undefined): void;
}

/**
 * The server listens before the index is loaded (a first start may build it for minutes);
 * routes that need the index ask this holder and get INDEX_NOT_READY (503) until it is.
 * Writes go through `write`: one at a time, under the index directory's write lock, and always
 * on the newest generation on disk (a CLI ingest's work is loaded, never written over).
 */
export class ServiceState {
  private service: ReadyService | undefined;
  status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Last progress message while loading, e.g. 'embed 1200/4300'. */
  progress: string | undefined;
  private sync: IndexSync | undefined;
  /** Writes in this process run one after another (also without a lock directory). */
  private readonly queue = new SerialQueue();

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

  /** Shares the index directory with other writers from now on (see `IndexSync`). */
  useIndexSync(sync: IndexSync): void {
    this.sync = sync;
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

  /**
   * Runs an index write: after the writes before it in this process, holding the index directory's
   * write lock (waiting up to `waitMs` for another process, then INDEX_LOCKED), on the newest
   * generation on disk. `fn` gets the assistant to write through.
   */
  write<T>(purpose: string, fn: (assistant: Assistant) => Promise<T>): Promise<T> {
    this.require();
    return this.queue.run(() => this.writeNow(purpose, fn));
  }

  /**
   * Loads a newer generation another process committed, when no write holds the lock; returns
   * whether it did. For a watcher: a busy lock just means "look again later".
   */
  async refresh(): Promise<boolean> {
    const sync = this.sync;
    if (!sync || !this.service || !(await this.isBehind(sync))) return false;
    let reloaded = false;
    await this.queue.run(async () => {
      const lock = await acquireIndexLock(sync.lockDir, { purpose: 'reload', waitMs: 0 }).catch((err) => {
        if (isAppError(err) && err.code === 'INDEX_LOCKED') return undefined;
        throw err;
      });
      if (!lock) return;
      try {
        reloaded = await this.catchUp(sync);
      } finally {
        await lock.release();
      }
    });
    return reloaded;
  }

  private async writeNow<T>(purpose: string, fn: (assistant: Assistant) => Promise<T>): Promise<T> {
    const sync = this.sync;
    if (!sync) return fn(this.require().assistant);
    const lock = await acquireIndexLock(sync.lockDir, { purpose, waitMs: sync.waitMs });
    try {
      await this.catchUp(sync);
      return await fn(this.require().assistant);
    } finally {
      await lock.release();
    }
  }

  private async isBehind(sync: IndexSync): Promise<boolean> {
    const onDisk = await readCurrent(sync.lockDir);
    return onDisk !== undefined && onDisk !== this.service?.assistant.store.generation;
  }

  /** With the lock held: loads the generation on disk when it is not the one served. */
  private async catchUp(sync: IndexSync): Promise<boolean> {
    if (!(await this.isBehind(sync))) return false;
    const previous = this.service;
    const next = await sync.reload();
    this.setReady(next);
    sync.onReload?.(next.assistant.store.generation);
    // Requests still running on the old index only read its memory: closing stops writes only.
    await previous?.assistant.store.close();
    return true;
  }
}
