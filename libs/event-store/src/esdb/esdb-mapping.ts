// Translation between the port's types and @eventstore/db-client's.
//
// Global position: the port's `position` is the event's commit position. Since v20 a gRPC append
// writes every event as its own implicitly committed prepare record, so each event has
// commit === prepare === its own log position, strictly increasing in $all order even within one
// multi-event append (the server's AllReader reports CommitEventRecord(event, event.LogPosition)).
// A Position for the client is therefore rebuilt as { commit: p, prepare: p }, which is exact on a
// real server and on the emulator. Only legacy explicit transactions (TCP API, not available over
// gRPC) share a commit position; toRecordedEvent refuses such events rather than reporting a
// position that does not increase.
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port.js';
import { StreamNotFound, WrongExpectedVersion } from '../event-store.errors.js';
import { asStorageFault } from '../storage-faults.js';
import { CHAIN_KEY } from '../hash-chain.js';

export function toClientExpectedRevision(expected: ExpectedRevision | undefined): AppendExpectedRevision {
  switch (expected) {
    case undefined:
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** EventStoreDB reserves '$' for system event types and system/metadata streams. */
export function isSystem(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

export function isSystemEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): boolean {
  const e = resolved.event;
  return !e || isSystem(e.streamId, e.type);
}

export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const e = resolved.event;
  if (!e) throw new Error('EventStoreDB returned a link without its event (links are not resolved here)');
  const pos = e.position;
  if (!pos) throw new Error(`EventStoreDB returned event ${e.id} without a position`);
  if (pos.commit !== pos.prepare) {
    throw new Error(`Event ${e.id} comes from a legacy explicit transaction (commit ${pos.commit} != prepare ${pos.prepare}); not supported`);
  }
  if (!e.isJson) throw new Error(`Event ${e.id} in ${e.streamId} is not JSON`);
  return {
    id: e.id,
    streamId: e.streamId,
    type: e.type,
    data: e.data as JsonObject,
    ...recordedAtOf(isJsonObject(e.metadata) ? e.metadata : {}, e.created),
    revision: e.revision,
    position: pos.commit,
  };
}

/**
 * When the store recorded the event. EventStoreDB sets `created` itself and cannot be told another
 * time, so an event migrated from the embedded store (ADR 22) carries its original recording time in
 * `metadata.chain.recordedAt`: outside the hash like every store's recording time, and written once
 * (the log is immutable). It is taken out again, so a migrated event reads exactly as its source did.
 */
function recordedAtOf(metadata: JsonObject, created: Date): { metadata: JsonObject; recordedAt: string } {
  const chain = metadata[CHAIN_KEY];
  if (!isJsonObject(chain) || typeof chain[MIGRATED_RECORDED_AT] !== 'string') return { metadata, recordedAt: created.toISOString() };
  const { [MIGRATED_RECORDED_AT]: recordedAt, ...link } = chain;
  const { [CHAIN_KEY]: _migrated, ...rest } = metadata;
  // A source event without a chain got one only to carry the time: it reads without one again.
  return { metadata: Object.keys(link).length > 0 ? { ...rest, [CHAIN_KEY]: link } : rest, recordedAt: recordedAt as string };
}

/** The key in `metadata.chain` a migration writes the source's recordedAt under. */
export const MIGRATED_RECORDED_AT = 'recordedAt';

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Maps the client's errors onto the port's (unavailable, deadline, not leader: StorageUnavailable); anything else passes through unchanged. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision = 'any'): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedVersion(streamId, expected, typeof actual === 'bigint' ? actual : undefined);
  }
  if (error instanceof StreamNotFoundError) return new StreamNotFound(streamId);
  return asStorageFault(error);
}
