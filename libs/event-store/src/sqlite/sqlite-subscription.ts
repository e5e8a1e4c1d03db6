import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.port.js';
import { toRecordedEvents, type EventRow } from './sqlite-row.js';

/** What a subscription needs from the store, kept narrow so the store owns the connection. */
export interface SubscriptionSource {
  /** Rows with position > after, ascending, at most limit. */
  readAfter(after: number, limit: number): EventRow[];
  headPosition(): number;
  /** Registers a one-shot callback run after the next in-process commit. */
  onNextCommit(wake: () => void): void;
  offNextCommit(wake: () => void): void;
  detach(sub: SqliteSubscription): void;
}

const PAGE_SIZE = 1024;
/** Other processes (a CLI) writing to the same file never notify us; poll for them, slowly. */
const FALLBACK_POLL_MS = 250;

type RowFilter = (row: EventRow) => boolean;

function rowFilter(options: SubscribeToAllOptions): RowFilter | undefined {
  const types = options.filter?.eventTypes?.length ? new Set(options.filter.eventTypes) : undefined;
  const prefixes = options.filter?.streamPrefixes?.length ? options.filter.streamPrefixes : undefined;
  if (!types && !prefixes) return undefined;
  return (row) =>
    (types === undefined || types.has(row[4])) && (prefixes === undefined || prefixes.some((p) => row[2].startsWith(p)));
}

/**
 * Pull-driven: a page is read only when the consumer has taken everything before it, so a slow
 * consumer never makes us buffer. `scanned` is the only cursor, and every read is "> scanned",
 * which is what rules out skips and repeats across the catch-up/live boundary.
 */
export class SqliteSubscription implements Subscription, AsyncIterator<RecordedEvent> {
  private scanned: number;
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private closed = false;
  private caughtUp = false;
  private pendingCheckpoint: number | undefined;
  private wake: (() => void) | undefined;
  private readonly filter: RowFilter | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeToAllOptions = {},
  ) {
    const from = options.fromPosition ?? 'start';
    this.scanned = from === 'start' ? -1 : from === 'end' ? source.headPosition() : Number(from);
    this.filter = rowFilter(options);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      if (this.index < this.buffer.length) return { done: false, value: this.buffer[this.index++] };
      // The consumer pulled again, so everything handed out before is processed: safe to checkpoint.
      if (this.pendingCheckpoint !== undefined && this.options.onCheckpoint) {
        const position = this.pendingCheckpoint;
        this.pendingCheckpoint = undefined;
        await this.options.onCheckpoint(BigInt(position));
        continue;
      }
      const page = this.source.readAfter(this.scanned, PAGE_SIZE);
      if (page.length > 0) {
        this.takePage(page);
        // Pages come back synchronously and consumers resolve on microtasks: without this yield a
        // long catch-up (or a filter skipping a long run) would starve timers and I/O until done.
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (!this.caughtUp) {
        this.caughtUp = true;
        this.options.onCaughtUp?.();
        continue;
      }
      await this.waitForCommit();
    }
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return { done: true, value: undefined };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.index = 0;
    this.source.detach(this);
    this.wake?.();
  }

  private takePage(page: EventRow[]): void {
    const lastScanned = page[page.length - 1][0];
    this.scanned = lastScanned;
    const kept = this.filter ? page.filter(this.filter) : page;
    this.buffer = toRecordedEvents(kept);
    this.index = 0;
    const lastKept = kept.length > 0 ? kept[kept.length - 1][0] : undefined;
    if (lastKept !== lastScanned) this.pendingCheckpoint = lastScanned;
  }

  private waitForCommit(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.source.offNextCommit(done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, FALLBACK_POLL_MS);
      this.wake = done;
      this.source.onNextCommit(done);
    });
  }
}
