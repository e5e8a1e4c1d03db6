import Database from 'better-sqlite3';
import { SqliteEventStore, readAllAfter, CHAIN_KEY } from '@liaison/event-store';
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
}

/**
 * Copies the embedded event log into EventStoreDB in $all order, one append per run of consecutive
 * events of one stream (bounded in size), keeping stream names, revisions (expected revisions check every batch), event
 * ids, types, data and metadata, so every hash chain verifies on the target as it did on the source.
 * The source's recording time rides in metadata.chain.recordedAt (see esdb-mapping.ts), its $all
 * position in metadata.chain.sourcePosition.
 * Resumable without a checkpoint file: the target's last event, found in the source by its id, is
 * where an interrupted run stopped (appends are atomic and in order, so all before it are there).
 * Sequential on purpose: parallel appends would lose the $all order.
 */
export async function migrateToEsdb(options: MigrateOptions): Promise<MigrationReport> {
  const { target } = options;
  const pageSize = options.pageSize ?? 2000;
  const index = new Database(options.sourceFile, { readonly: true, fileMustExist: true });
  const source = SqliteEventStore.open(options.sourceFile, { writer: 'inline' });
  try {
    const total = Number(index.prepare('SELECT count(*) FROM events').pluck().get());
    const resumeAfter = await resumePoint(target, index);
    const alreadyThere = resumeAfter === undefined ? 0
      : Number(index.prepare('SELECT count(*) FROM events WHERE global_position <= ?').pluck().get(resumeAfter));
    let done = alreadyThere;
    let appends = 0;
    options.onProgress?.(done, total);
    for (let after = resumeAfter; ;) {
      const page = await readAllAfter(source, after, pageSize);
      if (page.length === 0) break;
      for (const run of runsOfOneStream(page)) {
        const first = run[0];
        await target.append(first.streamId, run.map(toAppend), { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n });
        appends++;
        done += run.length;
      }
      after = page[page.length - 1].position;
      options.onProgress?.(done, total);
    }
    return { total, copied: done - alreadyThere, alreadyThere, appends };
  } finally {
    await source.close();
    index.close();
  }
}

async function resumePoint(target: EventStore, index: Database.Database): Promise<bigint | undefined> {
  const [last] = await target.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  if (!last) return undefined;
  const position = index.prepare('SELECT global_position FROM events WHERE event_id = ?').pluck().get(last.id) as number | bigint | undefined;
  if (position === undefined) {
    throw new MigrationRefused(`The target already holds events that are not from this store (last: ${last.streamId} revision ${last.revision}); migrate into an empty EventStoreDB.`);
  }
  return BigInt(position);
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
