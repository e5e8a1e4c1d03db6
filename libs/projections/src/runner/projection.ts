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
  /** Creates tables and indexes in a fresh file. */
  setup(db: Database.Database): void;
  evolve(rm: ReadModelDb, event: RecordedEvent): void;
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
