import type { AppendResult } from '../event-store.port.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { classifyStorageError, storageFault, type StorageFaultKind } from '../storage-faults.js';
import type { AppendRequest } from './sqlite-append.js';

/** Messages between SqliteEventStore (any thread) and its writer thread. */
export type ToWriter =
  | { type: 'append'; requests: (AppendRequest & { id: number })[] }
  | { type: 'close' };

export type FromWriter =
  | { type: 'ready'; synchronous: number; journalMode: string }
  | { type: 'failed'; message: string; error: EncodedError }
  | { type: 'results'; replies: WriterReply[]; commits: number; appends: number; committed: boolean }
  | { type: 'closed' };

export type WriterReply = { id: number; result: AppendResult } | { id: number; error: EncodedError };

export type EncodedError =
  | { kind: 'wrong-expected-version'; streamId: string; expected: WrongExpectedVersion['expected']; actual: bigint | undefined }
  | { kind: 'storage'; fault: StorageFaultKind; code: string; message: string }
  | { kind: 'error'; name: string; message: string; code?: string };

export interface WriterInit {
  file: string;
  /** Bumped after every commit that stored something (see CommitSignal). */
  commitSignal: SharedArrayBuffer;
}

/** Errors cross the thread boundary as data; the store's own error types are rebuilt on arrival. */
export function encodeError(e: unknown): EncodedError {
  if (e instanceof WrongExpectedVersion) return { kind: 'wrong-expected-version', streamId: e.streamId, expected: e.expected, actual: e.actual };
  // Classified here, where the driver's error still has its code: a full disk stays a StorageFull on arrival.
  const fault = classifyStorageError(e);
  if (fault) return { kind: 'storage', fault: fault.kind, code: fault.code, message: fault.message };
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return { kind: 'error', name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function decodeError(e: EncodedError): Error {
  if (e.kind === 'wrong-expected-version') return new WrongExpectedVersion(e.streamId, e.expected, e.actual);
  if (e.kind === 'storage') return storageFault(e.fault, e.code, e.message);
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  return err;
}
