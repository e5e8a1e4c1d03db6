import type { JsonObject, StorageFaultKind } from '@liaison/event-store';
import type { Viewer } from '@liaison/projections';
import type { ThreadJob } from './thread-job.js';
import type { AppConfig } from '../../config/app.config.js';

/** One catalogued query (access/query-catalog.ts) on one read-model file. */
export interface QueryRequest {
  type: 'query';
  id: number;
  projection: string;
  /** The file that serves the projection now; the worker reopens when a rebuild swapped it. */
  file: string;
  query: string;
  params: JsonObject;
  viewer: Viewer;
  now: string;
}

/** An audit answer computed from the log (audit-jobs.ts), read on the worker's own store connection. */
export interface AuditRequest {
  type: 'audit';
  id: number;
  job: ThreadJob;
}

export interface QueryWorkerInit {
  /** For audit jobs: the worker opens the event store as the projection workers do. */
  config: AppConfig;
}

/**
 * Errors keep their meaning across the thread boundary: bad client input (→ 400), an HTTP answer
 * decided in the worker (e.g. 404 for a case the supervisor's country does not own), an access that
 * cannot be reproduced (→ 422); anything else stays a server error.
 */
export type WorkerError =
  | { kind: 'InvalidCursor' | 'NotReproducible' | 'Error'; message: string }
  // A bad parameter; `field` when the read model named it (InvalidQueryParameter).
  | { kind: 'RangeError'; message: string; field?: string }
  | { kind: 'http'; status: number; response: string | object; message: string }
  // A read-model file or the log could not be read (I/O error, corrupt, gone): a 503, not a bug.
  | { kind: 'storage'; fault: StorageFaultKind; code: string; message: string };

export type QueryReply =
  | { type: 'answer'; id: number; readAt: string; data: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: WorkerError };

export type FromQueryWorker = QueryReply | { type: 'ready' };
