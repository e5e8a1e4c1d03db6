import { newEventId } from '../event-id.js';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store.port.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { jsonOf } from '../hash-chain.js';
import type { Statements } from './sqlite-schema.js';

/**
 * An event as the writing connection stores it: data and metadata already JSON text, so a writer
 * thread receives strings (cheap to pass between threads) and never re-serialises.
 */
export interface SerializedEvent {
  id?: string;
  type: string;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

export function serializeEvents(events: readonly EventToAppend[]): SerializedEvent[] {
  return events.map((e) => ({ id: e.id, type: e.type, data: jsonOf(e.data), metadata: jsonOf(e.metadata) }));
}

/**
 * One append inside the caller's savepoint. Throwing leaves partial inserts for the caller to
 * roll back, which is what makes a multi-event append atomic inside a shared batch.
 */
export function appendOne(st: Statements, req: AppendRequest, recordedAt: string, headPosition: () => number): AppendResult {
  const { streamId, events, expected } = req;
  const head = st.streamHead.get(streamId) as number | null;
  const current = head === null ? undefined : BigInt(head);
  const firstId = events.length > 0 ? events[0].id : undefined;
  if (firstId !== undefined) {
    const found = st.findEvent.get(firstId) as [string, number] | undefined;
    if (found !== undefined) return replayed(st, req, current, found);
  }
  checkExpected(streamId, expected, current);
  if (events.length === 0) return { nextExpectedRevision: current ?? -1n, position: BigInt(headPosition()) };

  let revision = head === null ? 0 : head + 1;
  let position = 0;
  try {
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const info = st.insert.run(
        e.id ?? newEventId(), streamId, revision, e.type, e.data, e.metadata, recordedAt,
      );
      position = info.lastInsertRowid as number;
      revision++;
    }
  } catch (e) {
    // A later id of this append already exists somewhere: a partial replay, not a clean one.
    if (isUniqueViolation(e)) throw new WrongExpectedVersion(streamId, expected, current);
    throw e;
  }
  return { nextExpectedRevision: BigInt(revision - 1), position: BigInt(position) };
}

function checkExpected(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  if (expected === 'any') return;
  const ok =
    expected === 'no_stream' ? current === undefined
    : expected === 'stream_exists' ? current !== undefined
    : current === expected;
  if (!ok) throw new WrongExpectedVersion(streamId, expected, current);
}

/**
 * EventStoreDB idempotency: if every id already sits in this stream, in order, exactly where
 * this append would have put it, answer with the original result instead of failing.
 */
function replayed(st: Statements, req: AppendRequest, current: bigint | undefined, found: [string, number]): AppendResult {
  const { streamId, events, expected } = req;
  const conflict = new WrongExpectedVersion(streamId, expected, current);
  const [foundStream, firstRevision] = found;
  if (foundStream !== streamId) throw conflict;
  if (expected === 'no_stream' && firstRevision !== 0) throw conflict;
  if (typeof expected === 'bigint' && BigInt(firstRevision) !== expected + 1n) throw conflict;
  const rows = st.idsFrom.all(streamId, firstRevision, events.length) as [string, number][];
  if (rows.length !== events.length) throw conflict;
  for (let i = 0; i < rows.length; i++) if (rows[i][0] !== events[i].id) throw conflict;
  return { nextExpectedRevision: BigInt(firstRevision + events.length - 1), position: BigInt(rows[rows.length - 1][1]) };
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
