import {
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
  type SQLiteConnection,
  type SQLiteEventStore,
} from '@event-driven-io/emmett-sqlite';
import { syncName } from './liaison-subject.js';
import { caseEvents, type BenchEvent, type ReadAllResult, type StoreSubject } from './subject.js';

/**
 * emmett binds 10 parameters per event in one multi-row INSERT; 1,000 events stays well under
 * SQLite's 32,766 variable limit while amortising emmett's per-call connection open.
 */
const SEED_BATCH = 1000;

export class EmmettSubject implements StoreSubject {
  readonly name = 'emmett';
  private readonly store: SQLiteEventStore;
  private reader: SQLiteConnection | undefined;

  constructor(private readonly file: string) {
    this.store = getSQLiteEventStore({ fileName: file });
  }

  async appendOne(stream: string, event: BenchEvent): Promise<void> {
    await this.store.appendToStream(stream, [event]);
  }

  async appendMany(stream: string, events: BenchEvent[]): Promise<void> {
    await this.store.appendToStream(stream, events);
  }

  /** Sequential on purpose: emmett's store shares one connection and breaks under concurrency. */
  async seed(from: number, total: number, deadline: number): Promise<number> {
    let seeded = 0;
    while (seeded < total && performance.now() < deadline) {
      const n = Math.min(SEED_BATCH, total - seeded);
      await this.store.appendToStream(`case-seed${(from + seeded) / SEED_BATCH}`, caseEvents(from + seeded, n));
      seeded += n;
    }
    return seeded;
  }

  /** emmett-sqlite 0.38.5 has no readAll on the store; readMessagesBatch is what its consumers page with. */
  async readAll(pageSize: number): Promise<ReadAllResult> {
    const conn = this.readerConnection();
    let count = 0;
    let checksum = 0;
    let batch = await readMessagesBatch(conn, { from: 0n, batchSize: pageSize });
    for (;;) {
      for (const m of batch.messages) checksum += m.data.seq as number;
      count += batch.messages.length;
      if (!batch.areEventsLeft) return { count, checksum };
      batch = await readMessagesBatch(conn, { after: batch.currentGlobalPosition, batchSize: pageSize });
    }
  }

  async readStream(stream: string): Promise<number> {
    return (await this.store.readStream(stream)).events.length;
  }

  /** Pragmas are per connection; a connection made by emmett's own factory shows its defaults. */
  async durability(): Promise<string> {
    const conn = this.readerConnection();
    const [j] = await conn.query<{ journal_mode: string }>('PRAGMA journal_mode');
    const [s] = await conn.query<{ synchronous: number }>('PRAGMA synchronous');
    const [t] = await conn.query<{ timeout: number }>('PRAGMA busy_timeout');
    return `journal_mode=${j?.journal_mode}, synchronous=${syncName(s?.synchronous)}, busy_timeout=${t?.timeout} ms (sqlite3 defaults; emmett only sets WAL)`;
  }

  async close(): Promise<void> {
    this.reader?.close();
    this.reader = undefined;
  }

  private readerConnection(): SQLiteConnection {
    this.reader ??= sqliteConnection({ fileName: this.file });
    return this.reader;
  }
}
