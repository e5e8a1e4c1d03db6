// Pauses between attempts to reach EventStoreDB again after a dropped connection or a node going away.
// The client itself dials again on the next call after such an error (Client.handleError drops the
// channel on UnavailableError, CancelledError and NotLeaderError), so all a caller has to do is wait
// a little and call again: growing pauses, so a cluster that is down is not hammered by every
// subscriber of every replica, with jitter so they do not all come back at the same instant.
import { CancelledError, UnavailableError } from '@eventstore/db-client';
import { StorageUnavailable } from '../storage-faults.js';

/**
 * The call failed because the connection did (CANCELLED: the server's session went away mid-call;
 * UNAVAILABLE: no connection, or a node not ready), the errors after which the client dials again.
 * BatchAppend hands some on as raw gRPC errors with the numeric status instead.
 */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof CancelledError || error instanceof UnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && (code === 1 || code === 14) && typeof error === 'object' && error !== null && 'metadata' in error;
}

export class ReconnectPause {
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private cancelled = false;

  constructor(
    private readonly firstMs = 100,
    private readonly maxMs = 5_000,
  ) {}

  /** Data flows again: the next pause starts short. */
  reset(): void {
    this.attempt = 0;
  }

  /**
   * firstMs, doubling up to maxMs, each between 75 % and 100 % of that; ended early by cancel(), and
   * at once after it. The timer keeps the process alive on purpose: a caller awaiting a reconnect (the
   * erasure reconciler at start-up, before anything listens) is work in progress, and with an unref'd
   * timer as the only handle Node would exit 0 in the middle of it. close() cancels it.
   */
  wait(): Promise<void> {
    if (this.cancelled) return Promise.resolve();
    const ms = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt++) * (0.75 + Math.random() / 4);
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
    this.wake?.();
  }

  /** `attempt` until it succeeds, pausing after each StorageUnavailable; undefined once `stopped`. */
  async retrying<T>(attempt: () => Promise<T>, stopped: () => boolean): Promise<T | undefined> {
    while (!stopped()) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof StorageUnavailable)) throw error;
      }
      await this.wait();
    }
    return undefined;
  }
}
