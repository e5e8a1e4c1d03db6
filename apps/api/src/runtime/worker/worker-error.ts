import { classifyStorageError } from '@liaison/event-store';
import { InvalidCursor, InvalidQueryParameter } from '@liaison/projections';
import type { WorkerError } from './query-worker.protocol.js';

/**
 * An error raised on the query or audit thread, as a message that keeps what the gateway decides
 * on. Nest's HttpException and NotReproducible are recognised by shape and name, so the query thread
 * does not load Nest or the audit code just to pass them on (each costs memory in every thread).
 */
export function toWorkerError(e: unknown): WorkerError {
  const message = e instanceof Error ? e.message : String(e);
  if (isHttpException(e)) return { kind: 'http', status: e.getStatus(), response: e.getResponse(), message };
  if (e instanceof InvalidCursor) return { kind: 'InvalidCursor', message };
  const fault = classifyStorageError(e);
  if (fault) return { kind: 'storage', fault: fault.kind, code: fault.code, message: fault.message };
  if (e instanceof InvalidQueryParameter) return { kind: 'RangeError', message, field: e.field };
  if (e instanceof RangeError) return { kind: 'RangeError', message };
  if (e instanceof Error && e.name === 'NotReproducible') return { kind: 'NotReproducible', message };
  return { kind: 'Error', message };
}

function isHttpException(e: unknown): e is Error & { getStatus(): number; getResponse(): string | object } {
  const x = e as { getStatus?: unknown; getResponse?: unknown } | null;
  return e instanceof Error && typeof x?.getStatus === 'function' && typeof x.getResponse === 'function';
}
