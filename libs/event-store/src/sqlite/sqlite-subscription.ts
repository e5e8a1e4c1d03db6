import type { RecordedEvent, SubscribeToAllOptions, Subscription } from '../event-store.port.js';
import { toRecordedEvents, type EventKey, type EventRow } from './sqlite-row.js';

/** What a subscription needs from the store, kept narrow so the store owns the connection. */
export interface SubscriptionSource {
  /** Rows with position > after, ascending, at most limit. */
  readAfter(after: number, limit: number): EventRow[];
  /** Position, stream and type of the rows readAfter would return: what a filter needs, without the JSON. */
  readKeysAfter(after: number, limit: number): EventKey[];
  /** Whole rows with first <= position <= last, ascending. */
  readRange(first: number, last: number): EventRow[];
  headPosition(): number;
  /** Registers a one-shot callback run after the next in-process commit. */
  onNextCommit(wake: () => void): void;
  offNextCommit(wake: () => void): void;
  detach(sub: SqliteSubscription): void;
}

const PAGE_SIZE = 1024;
/** Other processes (a CLI) writing to the same file never notify us; poll for them, slowly. */
const FALLBACK_POLL_MS = 250;

type KeyFilter = (streamId: string, type: string) => boolean;

function keyFilter(options: SubscribeToAllOptions): KeyFilter | undefined {
  const types = options.filter?.eventTypes?.length ? new Set(options.filter.eventTypes) : undefined;
  const prefixes = options.filter?.streamPrefixes?.length ? options.filter.streamPrefixes : undefined;
  if (!types && !prefixes) return undefined;
  return (streamId, type) =>
    (types === undefined || types.has(type)) && (prefixes === undefined || prefixes.some((p) => streamId.startsWith(p)));
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
  private readonly filter: KeyFilter | undefined;
  /**
   * The last read came back short of a page, so it reached the head; `committedSinceRead` turns true on
   * the next in-process commit. Until then another read could only come back empty: that read used to
   * be half of what a caught-up subscription cost per commit (ADR 31).
   */
  private atHead = false;
  private committedSinceRead = true;
  private readonly noteCommit = (): void => {
    this.committedSinceRead = true;
  };

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeToAllOptions = {},
  ) {
    const from = options.fromPosition ?? 'start';
    this.scanned = from === 'start' ? -1 : from === 'end' ? source.headPosition() : Number(from);
    this.filter = keyFilter(options);
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
      const headUnchanged = this.atHead && !this.committedSinceRead;
      const scanned = !headUnchanged && (this.filter ? this.scanFiltered(this.filter) : this.takePage(this.source.readAfter(this.scanned, PAGE_SIZE)));
      if (scanned) {
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
      // Woken by a commit or by the fallback poll (another process may have written): read again.
      this.atHead = false;
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
    this.source.offNextCommit(this.noteCommit);
    this.wake?.();
  }

  /** Takes a page read whole; false when there was nothing after `scanned`. */
  private takePage(page: EventRow[]): boolean {
    this.readUpTo(page.length);
    if (page.length === 0) return false;
    this.keep(page, page[page.length - 1][0]);
    return true;
  }

  /**
   * After each read: a short one reached the head, and the commit waiter is registered in the same tick
   * as the read, so a commit landing after it is always noted (commits are announced between ticks).
   */
  private readUpTo(rows: number): void {
    this.atHead = rows < PAGE_SIZE;
    if (!this.atHead) return;
    this.committedSinceRead = false;
    this.source.onNextCommit(this.noteCommit);
  }

  /**
   * A filter decides on position, stream and type alone, so a page is scanned on those three columns
   * and only the span from the first to the last kept row is read whole (and filtered again). A watcher
   * of rare events (erasures, ADR 19) used to pull every event's JSON onto the request thread to drop it.
   */
  private scanFiltered(filter: KeyFilter): boolean {
    const keys = this.source.readKeysAfter(this.scanned, PAGE_SIZE);
    this.readUpTo(keys.length);
    if (keys.length === 0) return false;
    let first: number | undefined;
    let last: number | undefined;
    for (const [position, streamId, type] of keys) {
      if (!filter(streamId, type)) continue;
      first ??= position;
      last = position;
    }
    const rows = first === undefined || last === undefined ? [] : this.source.readRange(first, last).filter((r) => filter(r[2], r[4]));
    this.keep(rows, keys[keys.length - 1][0]);
    return true;
  }

  private keep(kept: EventRow[], lastScanned: number): void {
    this.scanned = lastScanned;
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
