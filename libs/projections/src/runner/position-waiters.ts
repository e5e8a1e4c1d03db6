/** Callers waiting for read models to reach a global position (read-your-writes), each with a timeout. */
export class PositionWaiters {
  private readonly waiting = new Set<{ position: bigint; resolve: (ok: boolean) => void }>();

  /** Resolves true once `advance()` reports `position` or more, false after `timeoutMs`. */
  wait(current: bigint, position: bigint, timeoutMs: number): Promise<boolean> {
    if (current >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const w = {
        position,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          this.waiting.delete(w);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => w.resolve(false), timeoutMs);
      this.waiting.add(w);
    });
  }

  /**
   * Releases whoever waits for `position()` or less. The position is asked for only when someone waits:
   * it is a minimum over every read model's checkpoint, and progress reports arrive many times a second
   * while commands (which never wait) stream in (ADR 31).
   */
  advance(position: () => bigint): void {
    if (this.waiting.size === 0) return;
    const at = position();
    for (const w of this.waiting) if (w.position <= at) w.resolve(true);
  }

  /** Shutdown: nobody waits forever. */
  failAll(): void {
    for (const w of this.waiting) w.resolve(false);
  }
}
