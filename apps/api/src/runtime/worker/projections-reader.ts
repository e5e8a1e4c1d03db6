import type Database from 'better-sqlite3';
import type { JsonObject } from '@liaison/event-store';
import type { ProjectionStatus, Viewer } from '@liaison/projections';
import type { ThreadJob } from './thread-job.js';

/**
 * What the query side needs from the projections, whether they run on this thread (ProjectionRunner)
 * or in a worker (ProjectionWorkerClient).
 */
export interface ProjectionsReader {
  /** Resolves once queries can be answered (the worker has opened its files). */
  start(): void | Promise<void>;
  stop(): Promise<void>;
  /** Lowest checkpoint over the live projections. */
  position(): bigint;
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean>;
  status(): ProjectionStatus[];
  readonly caughtUpAt: number | undefined;
  /** Projection threads that died and are waiting to be restarted, by their projections; absent where there are none. */
  stoppedWorkers?(): string[];
  /** A query and the exact checkpoint it was answered at. */
  snapshot<T>(name: string, query: (db: Database.Database) => T): { readAt: bigint; data: T };
  /**
   * A catalogued query (access/query-catalog.ts) answered off the request thread, where the
   * reader has a query thread; readers without one leave it out and the gateway uses snapshot().
   */
  query?(projection: string, query: string, params: JsonObject, ctx: { viewer: Viewer; now: string }): Promise<{ readAt: bigint; data: unknown }>;
  /** An audit answer computed from the log, off the request thread; absent where query() is. */
  audit?(job: ThreadJob): Promise<unknown>;
}
