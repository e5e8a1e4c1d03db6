import { classifyStorageError } from '@liaison/event-store';

const FIRST_MS = 100;
const MAX_MS = 2000;

/**
 * Waits before retrying storage that failed: 100 ms, doubling to 2 s, so a freed disk is used again
 * within ~2 s while a full one costs one failed write every 2 s at most. cancel() cuts a wait short
 * (the runner is stopping).
 */
export class StorageBackoff {
  private ms = 0;
  private cancelWait: (() => void) | undefined;

  async wait(): Promise<void> {
    this.ms = this.ms === 0 ? FIRST_MS : Math.min(this.ms * 2, MAX_MS);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.cancelWait = undefined;
  }

  reset(): void {
    this.ms = 0;
  }

  cancel(): void {
    this.cancelWait?.();
  }
}

/** Housekeeping (finishing a build, planner statistics) a full disk may refuse: it is retried at the next catch-up. */
export function tolerateStorageFault(housekeeping: () => unknown): void {
  try {
    housekeeping();
  } catch (e) {
    if (!classifyStorageError(e)) throw e;
  }
}
