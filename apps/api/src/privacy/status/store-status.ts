import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { JsonObject, PersonalDataPolicy } from '@liaison/event-store';
import type { StoreFiles } from '../store-paths.js';
import { StatusTally, type TypeStatus } from './personal-field-count.js';

// `npm run privacy -- status <data-dir>`: how much of an embedded store is sealed, and what its key
// store holds. Read-only connections: an operator may run it beside the service or on a backup.

export interface StoreStatus {
  events: number;
  eventsWithPlain: number;
  plainFields: number;
  sealedFields: number;
  typesNotInPolicy: number;
  byType: TypeStatus[];
  /** Null when there is no keys.db beside events.db. */
  keyStore: { keys: number; tombstones: number } | null;
}

export function storeStatus(files: StoreFiles, policy: PersonalDataPolicy): StoreStatus {
  const tally = new StatusTally(policy);
  const db = new Database(files.events, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT type, data FROM events ORDER BY global_position').raw(true).iterate() as IterableIterator<[string, string]>;
    for (const [type, data] of rows) tally.add(type, JSON.parse(data) as JsonObject);
  } finally {
    db.close();
  }
  return { ...tally.totals(), byType: tally.byType(), keyStore: existsSync(files.keys) ? keyCounts(files.keys) : null };
}

export function keyCounts(file: string): { keys: number; tombstones: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck(true).get() as number;
    return { keys: count('subject_keys'), tombstones: count('tombstones') };
  } finally {
    db.close();
  }
}
