import type { JsonObject } from '@liaison/event-store';
import type { Viewer } from '@liaison/projections';

/** One catalogued query (audit/access/query-catalog.ts) on one read-model file. */
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

/** Errors a query raises for bad client input keep their kind across the thread boundary (→ 400). */
export type QueryErrorKind = 'InvalidCursor' | 'RangeError' | 'Error';

export type QueryReply =
  | { type: 'answer'; id: number; readAt: string; data: unknown }
  | { type: 'error'; id: number; kind: QueryErrorKind; message: string };

export type FromQueryWorker = QueryReply | { type: 'ready' };
