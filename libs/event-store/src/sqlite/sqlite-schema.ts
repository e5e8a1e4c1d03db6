import Database from 'better-sqlite3';
import { retryWhileBusy } from './busy-retry.js';

type Db = Database.Database;
type Stmt = Database.Statement<unknown[], unknown>;

/** Column order of every event row read through `.raw()`; see sqlite-row.ts. */
export const EVENT_COLUMNS = 'global_position, event_id, stream_id, revision, type, data, metadata, recorded_at';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

/**
 * Opens the file with the durability settings every connection needs. synchronous must be set
 * on each open: better-sqlite3 (like SQLite) defaults a re-opened WAL database to NORMAL, which
 * can lose the last commits on power loss.
 */
export function openDatabase(file: string, role: 'writer' | 'reader' = 'writer'): Db {
  const db = new Database(file, { timeout: 5000 });
  // The writer thread and every reader thread open a fresh events.db together (see retryWhileBusy).
  retryWhileBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = FULL');
  // The writing connection gets a less frequent automatic checkpoint: the checkpoint runs inside
  // some COMMIT and stalls its thread, so running it every ~40 MB of WAL instead of every 4 MB cut the
  // worst commit stall from ~60 ms to ~10 ms in the store bench. Its page cache is 16 MB: appends touch
  // the right edge of the log and one stream's index entries, and 64 MB measured no faster in the store
  // bench (quick, back to back) while it filled with pages written once: 48 MB of RSS (ADR 33).
  // A connection that only reads (next to a writer thread, in a projection worker) mostly scans
  // $all, which a big cache does not speed up (measured) but which would fill it, so readers keep 8 MB.
  db.pragma(role === 'writer' ? 'cache_size = -16384' : 'cache_size = -8192');
  db.pragma('wal_autocheckpoint = 10000');
  db.exec(SCHEMA);
  return db;
}

/** Every statement on the hot paths, prepared once per connection. */
export interface Statements {
  begin: Stmt;
  commit: Stmt;
  rollback: Stmt;
  savepoint: Stmt;
  release: Stmt;
  rollbackTo: Stmt;
  insert: Stmt;
  streamHead: Stmt;
  findEvent: Stmt;
  idsFrom: Stmt;
  streamExists: Stmt;
  readStreamFwd: Stmt;
  readStreamBwd: Stmt;
  readAllFwd: Stmt;
  readAllBwd: Stmt;
  readKeysFwd: Stmt;
  readRange: Stmt;
  head: Stmt;
  ping: Stmt;
}

export function prepareStatements(db: Db): Statements {
  const raw = (sql: string): Stmt => db.prepare(sql).raw(true);
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT append_one'),
    release: db.prepare('RELEASE append_one'),
    rollbackTo: db.prepare('ROLLBACK TO append_one'),
    insert: db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    // Served by the UNIQUE(stream_id, revision) index: one b-tree descent, no streams table to keep in sync.
    streamHead: db.prepare('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck(true),
    findEvent: raw('SELECT stream_id, revision FROM events WHERE event_id = ?'),
    idsFrom: raw('SELECT event_id, global_position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?'),
    streamExists: db.prepare('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1').pluck(true),
    readStreamFwd: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`),
    readStreamBwd: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    readAllFwd: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position >= ? ORDER BY global_position LIMIT ?`),
    readAllBwd: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position <= ? ORDER BY global_position DESC LIMIT ?`),
    // A filtered subscription scans these three columns and reads whole rows only for what it keeps.
    readKeysFwd: raw('SELECT global_position, stream_id, type FROM events WHERE global_position >= ? ORDER BY global_position LIMIT ?'),
    readRange: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position >= ? AND global_position <= ? ORDER BY global_position`),
    head: db.prepare('SELECT MAX(global_position) FROM events').pluck(true),
    ping: db.prepare('SELECT 1').pluck(true),
  };
}
