import Database from 'better-sqlite3';

/**
 * Read-only connections to the files that serve the projections now, one per projection, reopened
 * when a rebuild swapped the file. A snapshot reads the checkpoint and the rows in one read
 * transaction, so `readAt` is exact even while a projection thread writes.
 */
export class ReadModelConnections {
  private readonly open = new Map<string, { file: string; db: Database.Database; checkpoint: Database.Statement }>();

  snapshot<T>(projection: string, file: string, query: (db: Database.Database) => T): { readAt: bigint; data: T } {
    const { db, checkpoint } = this.connection(projection, file);
    return db.transaction(() => ({ readAt: checkpoint.get() as bigint, data: query(db) }))();
  }

  close(): void {
    for (const c of this.open.values()) c.db.close();
    this.open.clear();
  }

  private connection(projection: string, file: string) {
    const current = this.open.get(projection);
    if (current && current.file === file) return current;
    current?.db.close();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const checkpoint = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').pluck(true).safeIntegers(true);
    const opened = { file, db, checkpoint };
    this.open.set(projection, opened);
    return opened;
  }
}
