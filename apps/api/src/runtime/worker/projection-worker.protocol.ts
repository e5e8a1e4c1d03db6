import type { AppConfig } from '../../config/app.config.js';

export interface WorkerInit {
  config: AppConfig;
  dir: string;
  /** Names of the projections this worker runs. */
  projections: string[];
  /** The embedded store's commit signal (SqliteEventStore.commitSignal): wakes the worker per commit. */
  commitSignal?: SharedArrayBuffer;
  /** Poll interval when no wake-up arrives (a store written by another process); default 250 ms. */
  fallbackPollMs?: number;
}

export interface ProgressMessage {
  type: 'progress';
  /** Live checkpoint per projection, as decimal strings (bigint does not cross threads as-is everywhere). */
  checkpoints: Record<string, string>;
  files: Record<string, string>;
  errors: Record<string, string>;
  /** Projections waiting out a storage fault (code), retrying with backoff. */
  stalled: Record<string, string>;
  /** Projections whose file was deleted or corrupt, being built again from the log. */
  recovering: string[];
  /** Set while the event log cannot be read. */
  readFault: string | null;
  rebuilding: Record<string, { version: number; checkpoint: string }>;
  versions: Record<string, number>;
  caughtUpAt: number | null;
}

export type ToWorker = { type: 'wake' } | { type: 'stop' };
export type FromWorker = ProgressMessage | { type: 'stopped' } | { type: 'failed'; message: string };
