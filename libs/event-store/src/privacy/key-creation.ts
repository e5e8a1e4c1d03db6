import type Database from 'better-sqlite3';
import { retryWhileBusy } from '../sqlite/busy-retry.js';
import { prepareKeyStatements, tombstoneOf, type StoredRow } from './sqlite-key-schema.js';

/**
 * One group of key creations (ADR 19), in one immediate transaction: whoever inserted a subject first
 * wins and everyone reads back the stored key; a tombstoned subject answers its tombstone. Shared by
 * the inline store and its creation thread (key-writer.worker.ts).
 */
export function commitCreations(db: Database.Database, st: ReturnType<typeof prepareKeyStatements>, fresh: ReadonlyMap<string, Buffer>, now: string): Map<string, StoredRow> {
  return retryWhileBusy(() => db.transaction(() => {
    const rows = new Map<string, StoredRow>();
    for (const [s, wrapped] of fresh) {
      const tombstone = st.tombstone.get(s);
      if (tombstone) {
        rows.set(s, { tombstone: tombstoneOf(tombstone) });
        continue;
      }
      st.insertKey.run(s, wrapped, now);
      rows.set(s, { wrapped: st.key.get(s)!.key });
    }
    return rows;
  }).immediate());
}
