import path from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore, innermostStore, type EventStore, type JsonObject } from '@liaison/event-store';
import { PositionWaiters, type ProjectionStatus, type Viewer } from '@liaison/projections';
import type { AppConfig } from '../../config/app.config.js';
import type { ProjectionsReader } from './projections-reader.js';
import type { ProgressMessage } from './projection-worker.protocol.js';
import { ProjectionWorkerHandle } from './projection-worker.handle.js';
import { QueryWorkerClient } from './query-worker.client.js';
import { ReadModelConnections } from './read-model-connections.js';
import type { ThreadJob } from './thread-job.js';

/**
 * The main thread's view of projections running in worker threads, each owning a group of projections
 * (so a from-scratch build uses both cores). Checkpoints arrive by message after each commit there.
 * Queries run on the query thread (ADR 10), on read-only connections to the same files, reading the
 * checkpoint inside the same read transaction, so `readAt` is exact even while a worker writes;
 * snapshot() does the same on this thread for the few reads that are not catalogued.
 */
export class ProjectionWorkerClient implements ProjectionsReader {
  private readonly handles: ProjectionWorkerHandle[];
  private readonly readModels = new ReadModelConnections();
  private readonly waiters = new PositionWaiters();
  private unsubscribe: (() => void) | undefined;
  private readonly commitSignal: SharedArrayBuffer | undefined;
  private readonly queries: QueryWorkerClient;
  // Audit jobs fold whole streams, or the log up to a position: their own thread (started on first
  // use), so a supervisor's replay never holds up a dashboard's query either.
  private readonly audits: QueryWorkerClient;

  constructor(
    config: AppConfig, dir: string, private readonly store: EventStore, entry: URL, groups: readonly (readonly string[])[],
    queryEntry: URL, fallbackPollMs?: number,
  ) {
    this.queries = new QueryWorkerClient(queryEntry, { config });
    this.audits = new QueryWorkerClient(queryEntry, { config });
    // Embedded store: workers follow its commit signal in shared memory, whichever thread commits.
    const adapter = innermostStore(store);
    this.commitSignal = adapter instanceof SqliteEventStore ? adapter.commitSignal : undefined;
    const { commitSignal } = this;
    this.handles = groups.map((projections) => new ProjectionWorkerHandle(
      entry,
      { config, dir, projections: [...projections], commitSignal, fallbackPollMs },
      () => this.waiters.advance(() => this.position()),
      () => this.waiters.failAll(),
    ));
  }

  /** Undefined until every worker has caught up once; then the oldest of their catch-ups. */
  get caughtUpAt(): number | undefined {
    const times = this.reports().map((m) => m?.caughtUpAt ?? undefined);
    return times.some((t) => t === undefined) ? undefined : Math.min(...(times as number[]));
  }

  /** Resolves when every worker reported its files, so no query can arrive before they are open. */
  async start(): Promise<void> {
    // The query thread starts with the first query, as read connections always opened on the first
    // query: a process nobody queries (a rebuild, the projections bench) never pays its ~10-20 MiB.
    const ready = Promise.all(this.handles.map((h) => h.start()));
    // A store without a commit signal but with a commit hint: one message per group commit.
    if (!this.commitSignal) {
      this.unsubscribe = this.store.onCommitted?.(() => {
        for (const h of this.handles) h.wake();
      });
    }
    await ready;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await Promise.all([...this.handles.map((h) => h.stop()), this.queries.stop(), this.audits.stop()]);
    this.readModels.close();
    this.waiters.failAll();
  }

  /** As ProjectionRunner.position(): a read model being recovered from scratch does not hold the others back. */
  position(): bigint {
    const cps = this.reports().flatMap((m) => Object.entries(m?.checkpoints ?? {}).filter(([name]) => !m?.recovering?.includes(name)).map(([, cp]) => cp));
    if (cps.length === 0 || this.reports().some((m) => m === undefined)) return -1n;
    return cps.map(BigInt).reduce((a, b) => (b < a ? b : a));
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(this.position(), position, timeoutMs);
  }

  stoppedWorkers(): string[] {
    return this.handles.filter((h) => h.down).flatMap((h) => h.projections);
  }

  status(): ProjectionStatus[] {
    return this.reports().flatMap((m) => (m ? statusOf(m) : []));
  }

  snapshot<T>(name: string, query: (db: Database.Database) => T): { readAt: bigint; data: T } {
    return this.readModels.snapshot(name, this.fileOf(name), query);
  }

  query(projection: string, query: string, params: JsonObject, ctx: { viewer: Viewer; now: string }): Promise<{ readAt: bigint; data: unknown }> {
    return this.queries.run({ projection, file: this.fileOf(projection), query, params, ...ctx });
  }

  audit(job: ThreadJob): Promise<unknown> {
    return this.audits.audit(job);
  }

  private reports(): (ProgressMessage | undefined)[] {
    return this.handles.map((h) => h.last);
  }

  private fileOf(name: string): string {
    const file = this.reports().find((m) => m?.files[name])?.files[name];
    if (!file) throw new Error(`Projection ${name} is not available yet`);
    return file;
  }
}

function statusOf(m: ProgressMessage): ProjectionStatus[] {
  return Object.keys(m.checkpoints).map((name) => ({
    name,
    version: m.versions[name],
    file: path.basename(m.files[name] ?? ''),
    checkpoint: BigInt(m.checkpoints[name]),
    ...(m.errors[name] ? { error: m.errors[name] } : {}),
    ...(m.stalled?.[name] ?? m.readFault ? { stalled: m.stalled?.[name] ?? m.readFault! } : {}),
    ...(m.recovering?.includes(name) ? { recovering: true } : {}),
    ...(m.rebuilding[name] ? { rebuilding: { version: m.rebuilding[name].version, checkpoint: BigInt(m.rebuilding[name].checkpoint) } } : {}),
  }));
}
