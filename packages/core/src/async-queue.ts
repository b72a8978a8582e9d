/**
 * A FIFO mutex for async callers: `run(fn)` starts `fn` only when every earlier `fn` has
 * settled. The memory adapter runs transactions through one queue, which makes them
 * serializable for any interleaving of concurrent async callers.
 */
export class AsyncQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after all earlier calls have settled; resolves or rejects with its outcome. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
