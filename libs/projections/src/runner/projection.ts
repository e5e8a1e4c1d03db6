import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';

/** A read-model connection with a statement cache, so evolve() can stay a plain function. */
export interface ReadModelDb {
  readonly db: Database.Database;
  stmt(sql: string): Database.Statement;
}

/**
 * A projection builds one read model from the log. Each (name, version) gets its own SQLite file
 * holding its rows and its checkpoint, updated in one transaction per batch, so a crash can never
 * apply an event twice or skip one. Bump `version` to rebuild from position 0.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly canHandle: readonly string[];
  /** Creates the tables (and any index a write of this projection looks rows up by) in a fresh file. */
  setup(db: Database.Database): void;
  /**
   * Optional secondary indexes for queries only (`CREATE INDEX IF NOT EXISTS ...`): evolve() must never
   * need them, since a file built from position 0 gets them only when its build finishes. Sorting
   * the finished table once is far cheaper than keeping each index ordered through a million writes;
   * queries answered meanwhile (a first start's live file) are still right, only slower.
   */
  readonly indexes?: readonly string[];
  evolve(rm: ReadModelDb, event: RecordedEvent): void;
  /**
   * Optional: called once per batch, inside its transaction, after the batch's last evolve. Lets a
   * projection defer writes that later events in the same batch would overwrite (write them once,
   * with the latest values). `failed` is true when an evolve threw: drop the deferred writes (the
   * transaction rolls back).
   */
  endBatch?(rm: ReadModelDb, failed: boolean): void;
}

export function createReadModelDb(db: Database.Database): ReadModelDb {
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) cache.set(sql, (s = db.prepare(sql)));
      return s;
    },
  };
}
