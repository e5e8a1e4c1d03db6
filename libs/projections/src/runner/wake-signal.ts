import type { EventStore, Subscription } from '@liaison/event-store';

/**
 * Wakes the projection loop right after the store commits (via a live subscription), with a slow
 * fallback timer for stores written by another process.
 */
export class WakeSignal {
  private waiter: (() => void) | undefined;
  private pending = false;
  private subscription: Subscription | undefined;
  private detach: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly fallbackMs: number) {}

  attach(store: EventStore): void {
    // The store's own commit hint costs nothing per event; a subscription reads every event once more.
    if (store.onCommitted) {
      this.detach = store.onCommitted(() => this.fire());
      return;
    }
    this.subscription = store.subscribeToAll({ fromPosition: 'end' });
    const sub = this.subscription;
    void (async () => {
      try {
        for await (const _ of sub) this.fire();
      } catch {
        // The loop still polls on the fallback timer; nothing is lost, only latency.
      }
    })();
  }

  fire(): void {
    this.pending = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  wait(): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiter = () => {
        this.pending = false;
        resolve();
      };
      // One timer, re-armed by every wait: the live loop waits after every page it applies.
      if (this.timer) this.timer.refresh();
      else this.timer = setTimeout(this.fallback, this.fallbackMs);
    });
  }

  private readonly fallback = (): void => {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  };

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.detach?.();
    await this.subscription?.close();
    this.fire();
  }
}
