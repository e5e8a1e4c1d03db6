import Database from 'better-sqlite3';
import { SqliteEventStore, WrongExpectedVersion, readAllAfter, CHAIN_KEY } from '@liaison/event-store';
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '@liaison/event-store';
import { MIGRATED_RECORDED_AT } from '@liaison/event-store/esdb';

/** Key in metadata.chain (outside the hash) holding the event's position in the embedded store. */
export const SOURCE_POSITION = 'sourcePosition';

export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';
}

export interface MigrateOptions {
  /** The embedded store's file (DATA_DIR/events.db); read only, the service should be stopped. */
  sourceFile: string;
  /** The EventStoreDB store to copy into: empty, or holding an earlier, interrupted run of this migration. */
  target: EventStore;
  /** Events read from the source per page. */
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MigrationReport {
  /** Events in the source. */
  total: number;
  /** Events copied by this run. */
  copied: number;
  /** Events an earlier run had already copied (resume). */
  alreadyThere: number;
  appends: number;
  /**
   * Appends that landed before one sent ahead of them in the same round (a retry after a dropped
   * connection): $all order differs from the source's there, within PIPELINE appends; stream order never.
   */
  reordered: number;
}

/**
 * Copies the embedded event log into EventStoreDB in $all order, one append per run of consecutive
 * events of one stream (bounded in size), keeping stream names, revisions (expected revisions check every batch), event
 * ids, types, data and metadata, so every hash chain verifies on the target as it did on the source.
 * The source's recording time rides in metadata.chain.recordedAt (see esdb-mapping.ts), its $all
 * position in metadata.chain.sourcePosition.
 * Pipelined: up to PIPELINE appends in flight, sent in $all order over the client's one BatchAppend
 * call, whose requests a server takes in order (Streams.BatchAppend.cs reads them one by one and
 * publishes each write before the next), so $all keeps the source's order without waiting a round
 * trip per append. The first failure stops sending; the run ends with it once the rest have settled.
 * Resumable without a checkpoint file: the target's last event, found in the source, is where an
 * interrupted run stopped, give or take the appends that were in flight; so the copy restarts
 * RESUME_LOOKBACK source events earlier, and what is already there is recognised by event id
 * (an idempotent append on the server, or appendRun's check of the stream's tail).
 */
export async function migrateToEsdb(options: MigrateOptions): Promise<MigrationReport> {
  const { target } = options;
  const pageSize = options.pageSize ?? 2000;
  const index = new Database(options.sourceFile, { readonly: true, fileMustExist: true });
  const source = SqliteEventStore.open(options.sourceFile, { writer: 'inline' });
  try {
    const total = Number(index.prepare('SELECT count(*) FROM events').pluck().get());
    const resume = await resumePoint(target, index);
    let alreadyThere = resume === undefined ? 0
      : Number(index.prepare('SELECT count(*) FROM events WHERE global_position <= ?').pluck().get(resume.after ?? 0n));
    let done = alreadyThere;
    let appends = 0;
    const inFlight: Promise<void>[] = [];
    const pending = new Set<string>();
    let failure: { error: unknown } | undefined;
    // Positions the appends of one round got, in the order they were sent: decreasing means a retry
    // after a dropped connection (or a reconnect) let a later append in first.
    let batch: Promise<{ position: bigint }>[] = [];
    let reordered = 0;
    const drain = async () => {
      await Promise.all(inFlight.splice(0));
      pending.clear();
      const positions = (await Promise.allSettled(batch)).map((r) => (r.status === 'fulfilled' ? r.value.position : undefined));
      batch = [];
      for (let i = 1; i < positions.length; i++) if ((positions[i] ?? 0n) < (positions[i - 1] ?? 0n)) reordered++;
    };
    options.onProgress?.(done, total);
    for (let after = resume?.after; !failure;) {
      const page = await readAllAfter(source, after, pageSize);
      if (page.length === 0) break;
      for (const run of runsOfOneStream(page)) {
        if (failure) break;
        appends++;
        // A stream's next run goes out only once its previous one is in: a server that takes separate
        // calls in any order (Append without BatchAppend, a retry after a dropped connection) must not
        // see it first. Everything in flight is awaited, so no later run overtakes it either.
        if (pending.has(run[0].streamId)) {
          await drain();
          if (failure) break;
        }
        pending.add(run[0].streamId);
        const sent = appendRun(target, run, resume?.head);
        batch.push(sent);
        inFlight.push(sent.then(
          ({ present }) => {
            alreadyThere += present;
            done += run.length;
          },
          (error: unknown) => void (failure ??= { error }),
        ));
        // The first append alone: the client opens its BatchAppend call on first use, and appends racing
        // that opening can go out in any order.
        if (inFlight.length >= PIPELINE || appends === 1) await drain();
      }
      after = page[page.length - 1].position;
      options.onProgress?.(done, total);
    }
    await drain();
    if (failure) throw failure.error;
    options.onProgress?.(done, total);
    return { total, copied: done - alreadyThere, alreadyThere, appends, reordered };
  } finally {
    await source.close();
    index.close();
  }
}

/** Appends in flight at once. */
const PIPELINE = 32;

/**
 * Appends one run with the same ids at its source revisions; returns how many of its events the target
 * already held. A run a resumed copy cut differently from the interrupted one can overlap what is there
 * in part (the server refuses that as a wrong expected version): the stream's tail is read, checked id
 * by id, and only the missing events appended.
 */
async function appendRun(target: EventStore, run: RecordedEvent[], resumedAtHead: bigint | undefined): Promise<{ present: number; position: bigint }> {
  const first = run[0];
  try {
    const result = await target.append(first.streamId, run.map(toAppend), { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n });
    return { present: resumedAtHead !== undefined && result.position <= resumedAtHead ? run.length : 0, position: result.position };
  } catch (error) {
    if (!(error instanceof WrongExpectedVersion) || resumedAtHead === undefined || error.actual === undefined || error.actual < first.revision) throw error;
    const there = await target.readStream(first.streamId, { fromRevision: first.revision, maxCount: run.length });
    there.forEach((e, i) => {
      if (e.id !== run[i].id) throw new MigrationRefused(`${first.streamId} revision ${e.revision} holds another event than the source`);
    });
    const rest = run.slice(there.length);
    const position = rest.length > 0
      ? (await target.append(first.streamId, rest.map(toAppend), { expectedRevision: rest[0].revision - 1n })).position
      : there[there.length - 1].position;
    return { present: there.length, position };
  }
}

/** Source events gone back over on resume: more than the appends in flight at a kill can hold. */
export const RESUME_LOOKBACK = PIPELINE * 500;

async function resumePoint(target: EventStore, index: Database.Database): Promise<{ after: bigint | undefined; head: bigint } | undefined> {
  const [last] = await target.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  if (!last) return undefined;
  const position = index.prepare('SELECT global_position FROM events WHERE event_id = ?').pluck().get(last.id) as number | bigint | undefined;
  if (position === undefined) {
    throw new MigrationRefused(`The target already holds events that are not from this store (last: ${last.streamId} revision ${last.revision}); migrate into an empty EventStoreDB.`);
  }
  const back = index.prepare('SELECT global_position FROM events WHERE global_position <= ? ORDER BY global_position DESC LIMIT 1 OFFSET ?')
    .pluck().get(position, RESUME_LOOKBACK) as number | bigint | undefined;
  return { after: back === undefined ? undefined : BigInt(back), head: last.position };
}

/**
 * Consecutive events of one stream, cut so no append carries more than MAX_APPEND_EVENTS events or
 * MAX_APPEND_BYTES of data: a server refuses an append whose data exceed its MaxAppendSize (1 MiB by
 * default, see test/support/esdb-emulator/append-handler.ts); half of it leaves room for a lowered limit.
 */
function* runsOfOneStream(page: RecordedEvent[]): Generator<RecordedEvent[]> {
  let run: RecordedEvent[] = [];
  let bytes = 0;
  for (const e of page) {
    const size = Buffer.byteLength(JSON.stringify(e.data));
    if (run.length > 0 && (run[0].streamId !== e.streamId || run.length >= MAX_APPEND_EVENTS || bytes + size > MAX_APPEND_BYTES)) {
      yield run;
      run = [];
      bytes = 0;
    }
    run.push(e);
    bytes += size;
  }
  if (run.length > 0) yield run;
}

export const MAX_APPEND_BYTES = 512 * 1024;
const MAX_APPEND_EVENTS = 500;

function toAppend(e: RecordedEvent): EventToAppend {
  const chain = e.metadata[CHAIN_KEY];
  const link = chain !== null && typeof chain === 'object' && !Array.isArray(chain) ? chain : {};
  // sourcePosition: the event's $all position in the embedded store, which access records made before the
  // move name as readAt; the target renumbers $all, and the log can never be annotated afterwards.
  const metadata: JsonObject = { ...e.metadata, [CHAIN_KEY]: { ...link, [MIGRATED_RECORDED_AT]: e.recordedAt, [SOURCE_POSITION]: e.position.toString() } };
  return { id: e.id, type: e.type, data: e.data, metadata };
}
