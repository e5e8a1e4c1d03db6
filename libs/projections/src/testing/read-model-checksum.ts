import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * SHA-256 over every row of every read-model table (not the runner's _checkpoint and _unsynced), each table's rows sorted by
 * its primary key. Two files with equal checksums hold the same read model, however they were built.
 *
 * A full-text (FTS5) table's shadow tables hold its index as b-tree segments whose bytes depend on the
 * order of inserts, deletes and merges, so they are left out; the table counts instead by its rows
 * (rowid and columns) and by its index as FTS5 itself reads it back (every term, document, column
 * and offset, through an fts5vocab table), which is the same however it was built.
 */
export function readModelChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  const row = (values: unknown[]) => {
    hash.update(JSON.stringify(values, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    hash.update('\n');
  };
  for (const { name, type } of readModelTables(db)) {
    const columns = (db.pragma(`table_xinfo("${name}")`) as { name: string; pk: number; hidden: number }[]).filter((c) => c.hidden === 0);
    const cols = columns.map((c) => `"${c.name}"`).join(', ');
    hash.update(`table ${name}\n`);
    if (type === 'virtual') {
      for (const r of db.prepare(`SELECT rowid, ${cols} FROM "${name}" ORDER BY rowid`).raw().iterate()) row(r as unknown[]);
      hash.update(`index ${name}\n`);
      for (const r of ftsIndex(db, name)) row(r);
      continue;
    }
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const order = (pk.length ? pk : columns.map((c) => `"${c.name}"`)).join(', ');
    for (const r of db.prepare(`SELECT ${cols} FROM "${name}" ORDER BY ${order}`).raw().iterate()) row(r as unknown[]);
  }
  return hash.digest('hex');
}

/** An FTS5 table's index as (term, rowid, column, offset) rows, in that order. */
function ftsIndex(db: Database.Database, table: string): unknown[][] {
  const vocab = `checksum_vocab_${table}`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."${vocab}" USING fts5vocab(main, "${table}", instance)`);
  try {
    return db.prepare(`SELECT term, doc, col, offset FROM temp."${vocab}" ORDER BY term, doc, col, offset`).raw().all() as unknown[][];
  } finally {
    db.exec(`DROP TABLE temp."${vocab}"`);
  }
}

/** Read-model tables, by name: plain tables and virtual (FTS5) tables, without FTS5's shadow tables. */
export function readModelTables(db: Database.Database): { name: string; type: 'table' | 'virtual' }[] {
  const all = db.pragma('table_list') as { schema: string; name: string; type: string }[];
  return all
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual'))
    .filter((t) => !t.name.startsWith('sqlite_') && t.name !== '_checkpoint' && t.name !== '_unsynced')
    .map((t) => ({ name: t.name, type: t.type as 'table' | 'virtual' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Rows per table, for readable assertions next to the checksum. */
export function readModelRowCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { name } of readModelTables(db)) {
    counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}
