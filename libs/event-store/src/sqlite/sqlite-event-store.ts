import type Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port.js';
import { StreamNotFound } from '../event-store.errors.js';
import { asStorageFault, WriteFaultTracker, type WriteFault } from '../storage-faults.js';
import { CommitSignal } from './commit-signal.js';
import { GroupCommit, type GroupCommitStats } from './group-commit.js';
import { ThreadedCommit } from './threaded-commit.js';
import { serializeEvents } from './sqlite-append.js';
import { toRecordedEvents, type EventKey, type EventRow } from './sqlite-row.js';
import { openDatabase, prepareStatements, type Statements } from './sqlite-schema.js';
import { SqliteSubscription, type SubscriptionSource } from './sqlite-subscription.js';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created if missing. */
  file: string;
  /**
   * 'inline' (default): appends commit on the calling thread. 'thread': a writer thread owns the
   * writing connection, so the caller's event loop never blocks on an fsync (see ADR 0007).
   */
  writer?: 'inline' | 'thread';
}

const DEFAULT_READ_ALL_PAGE = 4096;
/** SQLite's LIMIT -1 means "no limit". */
const NO_LIMIT = -1;
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** Embedded event store: one SQLite file in WAL mode, group-committed appends. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly st: Statements;
  private readonly commits: GroupCommit | ThreadedCommit;
  private readonly commitWaiters = new Set<() => void>();
  private readonly commitListeners = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteSubscription>();
  private closed = false;
  private readonly source: SubscriptionSource;
  private readonly signal = new CommitSignal();
  private readonly faults = new WriteFaultTracker();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openDatabase(options.file, options.writer === 'thread' ? 'reader' : 'writer');
    this.st = prepareStatements(this.db);
    const notify = () => this.notifyCommitted();
    this.commits = options.writer === 'thread'
      ? new ThreadedCommit(options.file, this.signal.buffer, notify)
      : new GroupCommit(this.db, this.st, () => {
        this.signal.bump();
        notify();
      });
    this.source = {
      readAfter: (after, limit) => this.st.readAllFwd.all(after + 1, limit) as EventRow[],
      readKeysAfter: (after, limit) => this.st.readKeysFwd.all(after + 1, limit) as EventKey[],
      readRange: (first, last) => this.st.readRange.all(first, last) as EventRow[],
      headPosition: () => this.head(),
      onNextCommit: (wake) => this.commitWaiters.add(wake),
      offNextCommit: (wake) => this.commitWaiters.delete(wake),
      detach: (sub) => this.subscriptions.delete(sub),
    };
  }

  static open(file: string, options: Omit<SqliteEventStoreOptions, 'file'> = {}): SqliteEventStore {
    return new SqliteEventStore({ file, ...options });
  }

  /** Group-commit counters, for tests and metrics. */
  get stats(): Readonly<GroupCommitStats> {
    return this.commits.stats;
  }

  /** Reads a pragma on this store's own connection (pragmas are per connection). */
  pragma(name: 'journal_mode' | 'synchronous'): unknown {
    return this.db.pragma(name, { simple: true });
  }

  /** Durability settings of the connection that commits appends (the writer thread's, if any). */
  async writerSettings(): Promise<{ synchronous: number; journalMode: string }> {
    if (this.commits instanceof ThreadedCommit) return this.commits.ready;
    return { synchronous: this.pragma('synchronous') as number, journalMode: this.pragma('journal_mode') as string };
  }

  append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStore is closed'));
    return this.faults.track(this.commits.enqueue({ streamId, events: serializeEvents(events), expected: options?.expectedRevision ?? 'any' }));
  }

  lastWriteFault(): WriteFault | undefined {
    return this.faults.last;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return reading(() => this.readStreamNow(streamId, options));
  }

  private readStreamNow(streamId: string, options: ReadStreamOptions): RecordedEvent[] {
    const limit = options.maxCount ?? NO_LIMIT;
    const from = options.fromRevision;
    const rows = (options.direction === 'backwards'
      ? this.st.readStreamBwd.all(streamId, from === undefined || from === 'end' ? MAX_INT : from === 'start' ? -1 : from, limit)
      : this.st.readStreamFwd.all(streamId, from === undefined || from === 'start' ? 0 : from === 'end' ? MAX_INT : from, limit)
    ) as EventRow[];
    // Forward from revision 0 with room for a row, an empty answer already proves there is no stream
    // (a bulk import's check reads thousands of new ones: one query each instead of two).
    const fromStart = options.direction !== 'backwards' && (from === undefined || from === 'start' || from === 0n) && limit !== 0;
    if (rows.length === 0 && (fromStart || this.st.streamExists.get(streamId) === undefined)) throw new StreamNotFound(streamId);
    return toRecordedEvents(rows);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return reading(() => this.readAllNow(options));
  }

  private readAllNow(options: ReadAllOptions): RecordedEvent[] {
    const limit = options.maxCount ?? DEFAULT_READ_ALL_PAGE;
    const from = options.fromPosition;
    const rows = (options.direction === 'backwards'
      ? this.st.readAllBwd.all(from === undefined || from === 'end' ? MAX_INT : from === 'start' ? -1 : from, limit)
      : this.st.readAllFwd.all(from === undefined || from === 'start' ? 0 : from === 'end' ? MAX_INT : from, limit)
    ) as EventRow[];
    return toRecordedEvents(rows, options.metadataOnDemand);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const sub = new SqliteSubscription(this.source, options);
    this.subscriptions.add(sub);
    return sub;
  }

  onCommitted(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /**
   * Shared memory bumped after every commit of this store's appends, whichever thread commits them:
   * hand it to worker threads of this process and let them `followCommits` instead of polling.
   */
  get commitSignal(): SharedArrayBuffer {
    return this.signal.buffer;
  }

  async headPosition(): Promise<bigint> {
    return reading(() => BigInt(this.head()));
  }

  async ping(): Promise<void> {
    reading(() => this.st.ping.get());
    // Reads alone would still work with a dead writer thread; readiness must say writes cannot.
    if (this.commits instanceof ThreadedCommit) this.commits.assertAlive();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already accepted must still become durable before the connection goes away.
    if (this.commits instanceof ThreadedCommit) await this.commits.close();
    else this.commits.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  private head(): number {
    return (this.st.head.get() as number | null) ?? -1;
  }

  private notifyCommitted(): void {
    for (const listener of this.commitListeners) listener();
    if (this.commitWaiters.size === 0) return;
    const waiters = [...this.commitWaiters];
    this.commitWaiters.clear();
    for (const wake of waiters) wake();
  }
}

/** A read on this thread's connection, its storage errors classified like the writer's. */
function reading<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw asStorageFault(e);
  }
}
