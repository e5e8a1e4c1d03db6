import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * SHA-256 over every row of every read-model table (not the runner's _checkpoint and _unsynced), each table's rows sorted by
 * its primary key. Two files with equal checksums hold the same read model, however they were built.
 */
export function readModelChecksum(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const { name } of readModelTables(db)) {
    const columns = db.pragma(`table_xinfo("${name}")`) as { name: string; pk: number }[];
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const order = (pk.length ? pk : columns.map((c) => `"${c.name}"`)).join(', ');
    const cols = columns.map((c) => `"${c.name}"`).join(', ');
    hash.update(`table ${name}\n`);
    for (const row of db.prepare(`SELECT ${cols} FROM "${name}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

/** Read-model tables, by name. */
export function readModelTables(db: Database.Database): { name: string }[] {
  return db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_checkpoint', '_unsynced')
    ORDER BY name`).all() as { name: string }[];
}

/** Rows per table, for readable assertions next to the checksum. */
export function readModelRowCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { name } of readModelTables(db)) {
    counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  return counts;
}
