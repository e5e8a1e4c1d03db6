import Database from 'better-sqlite3';
import { retryWhileBusy } from '../sqlite/busy-retry.js';
import type { Tombstone } from './privacy.errors.js';

// keys.db (ADR 19): one row per subject with a key, one per erased subject. A tombstone holds no key
// material: only who was erased, when, and by which PersonalDataErased event.

export const KEY_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject    TEXT PRIMARY KEY,
  key        BLOB NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tombstones (
  subject          TEXT PRIMARY KEY,
  erased_at        TEXT NOT NULL,
  erasure_event_id TEXT NOT NULL
) WITHOUT ROWID;
-- Counts destroys: every process compares it with the value its key cache was filled under and drops
-- the cache when another process (a replica, the service while a CLI reads) has erased someone.
CREATE TABLE IF NOT EXISTS erasure_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
);
INSERT OR IGNORE INTO erasure_epoch (id, n) VALUES (1, 0);
-- The log position through which every erasure event has its tombstone here (the reconciler's
-- checkpoint). A restored older backup carries its own older value, so the erasures after it are redone.
CREATE TABLE IF NOT EXISTS erasures_applied (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  position TEXT NOT NULL
);
`;

export type StoredRow = { wrapped: Buffer } | { tombstone: Tombstone };
export type TombstoneRow = { subject: string; erased_at: string; erasure_event_id: string };
export const tombstoneOf = (r: TombstoneRow): Tombstone => ({ subject: r.subject, erasedAt: r.erased_at, erasureEventId: r.erasure_event_id });

export function prepareKeyStatements(db: Database.Database) {
  return {
    key: db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject = ?'),
    tombstone: db.prepare<[string], TombstoneRow>('SELECT * FROM tombstones WHERE subject = ?'),
    insertKey: db.prepare('INSERT INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteKey: db.prepare('DELETE FROM subject_keys WHERE subject = ?'),
    appliedThrough: db.prepare<[], string>('SELECT position FROM erasures_applied WHERE id = 1').pluck(),
    setAppliedThrough: db.prepare('INSERT INTO erasures_applied (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position'),
    epoch: db.prepare<[], number>('SELECT n FROM erasure_epoch WHERE id = 1').pluck(),
    bumpEpoch: db.prepare('UPDATE erasure_epoch SET n = n + 1 WHERE id = 1'),
    insertTombstone: db.prepare('INSERT INTO tombstones (subject, erased_at, erasure_event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  };
}


/** A connection to keys.db with its settings, set on every open, and its schema (the store's and its creation thread's). */
export function openKeyDatabase(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  // SQLite does not remember synchronous, and a re-opened WAL file would run at NORMAL, which may lose
  // the last commits on power loss: a key acknowledged, then gone.
  retryWhileBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = FULL');
  // Deleted rows are overwritten with zeros, so a destroyed key does not linger in a free page.
  db.pragma('secure_delete = ON');
  retryWhileBusy(() => db.exec(KEY_STORE_SCHEMA));
  return db;
}
