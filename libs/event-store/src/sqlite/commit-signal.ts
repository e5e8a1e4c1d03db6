/**
 * A commit counter in shared memory. The thread that commits (a writer thread, or the store's own
 * thread with the inline writer) bumps it; other threads of the process follow it. Before, the request
 * thread posted a message to each projection worker after every commit (~10 µs per command there).
 * A bump is paid by the committing thread instead, and only for followers that are idle and waiting:
 * ~0.5 µs when none is, ~16 µs per woken follower (measured on Node 20); busy followers just see the
 * new count when they next look.
 */
export class CommitSignal {
  private readonly counter: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.counter = new Int32Array(buffer);
  }

  bump(): void {
    Atomics.add(this.counter, 0, 1);
    Atomics.notify(this.counter, 0);
  }
}

// ES2024's Atomics.waitAsync (Node 16+); this project's lib is ES2023.
type WaitAsync = (a: Int32Array, index: number, value: number, timeoutMs?: number) =>
  { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/**
 * Calls `onCommit` after commits signalled on `buffer` (several close together may be reported once)
 * until the returned stop function is called. Never blocks the calling thread's event loop, and does
 * not keep it alive either (Node does not count Atomics.waitAsync as pending work).
 */
export function followCommits(buffer: SharedArrayBuffer, onCommit: () => void, recheckMs = 1000): () => void {
  const counter = new Int32Array(buffer);
  let following = true;
  let seen = Atomics.load(counter, 0);
  void (async () => {
    while (following) {
      const w = waitAsync(counter, 0, seen, recheckMs);
      if (w.async) await w.value;
      const now = Atomics.load(counter, 0);
      if (now !== seen && following) {
        seen = now;
        onCommit();
      }
    }
  })();
  return () => {
    following = false;
    // Wakes the pending wait now rather than at its timeout; other followers just wait again.
    Atomics.notify(counter, 0);
  };
}
