import fs from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * Live read-model files are written with synchronous=OFF: no fsync on their commits or checkpoints.
 * Their fsyncs had queued behind (and in front of) the event log's commit fsync on the same disk, and
 * were most of the command path's p99 at 10 connections (15-17 ms with them, 7-9 ms without, paired
 * bench runs; ADR 0009). A read model can always be rebuilt from the log, so what it needs is not
 * durability but knowing when it can no longer be trusted:
 *
 * - A process crash loses nothing: every write is already in the OS page cache, and SQLite's WAL is
 *   consistent against a process dying at any instruction.
 * - An OS crash or power cut can tear an unsynced file (a checkpoint may have reached the disk before
 *   the WAL frames it copied).
 *
 * So before its first unsynced write a file durably records the kernel's boot id. Opening a file
 * whose mark names another boot means the machine went down while it was unsynced, and the file is
 * built again from the log. A clean close syncs everything and removes the mark. Where there is no
 * boot id (not Linux) files stay at synchronous=NORMAL, as before.
 */
const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';

let cachedBootId: string | null | undefined;

/** This boot of the machine (Linux), or undefined where the OS does not say. */
export function currentBootId(): string | undefined {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = fs.readFileSync(BOOT_ID_FILE, 'utf8').trim() || null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId ?? undefined;
}

function ensureTable(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS _unsynced(id INTEGER PRIMARY KEY CHECK (id = 1), boot_id TEXT NOT NULL)');
}

/** The boot id a file was left unsynced in, if its last writer did not close it cleanly. */
export function unsyncedSince(db: Database.Database): string | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_unsynced'").get();
  if (!table) return undefined;
  const row = db.prepare('SELECT boot_id FROM _unsynced WHERE id = 1').get() as { boot_id: string } | undefined;
  return row?.boot_id;
}

/** True if the file was being written unsynced when the machine (not just the process) went down. */
export function tornByRestart(db: Database.Database): boolean {
  const since = unsyncedSince(db);
  return since !== undefined && since !== currentBootId();
}

/**
 * Marks the file durably (one commit at FULL, with whatever `inSameCommit` writes), then lets later
 * commits skip fsync. Returns false, leaving the connection's synchronous setting and the file alone,
 * where there is no boot id to mark with.
 */
export function beginUnsynced(db: Database.Database, inSameCommit?: () => void): boolean {
  const boot = currentBootId();
  if (boot === undefined) return false;
  db.pragma('synchronous = FULL');
  db.transaction(() => {
    ensureTable(db);
    db.prepare('INSERT INTO _unsynced(id, boot_id) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET boot_id = excluded.boot_id').run(boot);
    inSameCommit?.();
  })();
  db.pragma('synchronous = OFF');
  return true;
}

/**
 * Makes everything written so far durable and removes the mark. A checkpoint that copies anything
 * syncs the WAL before and the database file after, which also covers pages earlier unsynced
 * checkpoints wrote; the re-written mark guarantees it has something to copy. Returns false (mark
 * kept) if a reader held the checkpoint back; the mark then only matters after a machine restart.
 */
export function endUnsynced(db: Database.Database): boolean {
  const boot = currentBootId();
  if (boot === undefined || unsyncedSince(db) === undefined) return true;
  db.pragma('synchronous = FULL');
  db.prepare('UPDATE _unsynced SET boot_id = ? WHERE id = 1').run(boot);
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (r.busy !== 0) return false;
  db.prepare('DELETE FROM _unsynced').run();
  return true;
}
