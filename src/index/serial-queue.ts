/**
 * Runs tasks one after another in the order they were queued; a task that fails rejects its own
 * promise only, and the next task still runs. The local store's writes and flushes and the
 * service's index writes and reloads each go through one.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
