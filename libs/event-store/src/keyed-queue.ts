/**
 * Runs tasks one after another per key and keys side by side. handleCommand queues a process's
 * commands per stream: two officers recording on the same case from one service no longer race each
 * other to an optimistic-concurrency conflict (a 409 after a few re-decides); the second simply waits
 * for the first's commit, one group commit later. Writers in other processes can still race, and
 * the expected revision on every append still catches that.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // A failed task must not stall the ones behind it: chain on settlement, either way.
    const result = previous ? previous.then(task) : task();
    const tail = result.then(noop, noop);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting. */
  get activeKeys(): number {
    return this.tails.size;
  }
}

function noop(): void {}
