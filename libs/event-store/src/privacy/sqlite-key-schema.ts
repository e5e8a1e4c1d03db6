import type Database from 'better-sqlite3';
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
    insertTombstone: db.prepare('INSERT INTO tombstones (subject, erased_at, erasure_event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  };
}

