/**
 * Runs a statement again while SQLite answers SQLITE_BUSY, for up to ~2 s (10 ms apart), then lets the
 * error through. For what the busy timeout does not cover: switching a new file to WAL needs it alone,
 * and SQLite answers BUSY at once to every other connection opening it at that moment (the writer thread,
 * the projection threads and the query thread all open a fresh DATA_DIR together).
 */
export function retryWhileBusy<T>(run: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return run();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 200) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
