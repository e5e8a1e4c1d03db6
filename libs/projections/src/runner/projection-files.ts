import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { retryWhileBusy } from '@liaison/event-store';
import type { Projection } from './projection.js';

/**
 * Which file serves each projection. A rebuild writes a new generation beside the live one and
 * flips this registry only once it has caught up, so readers never see a half-built model.
 */
export class ProjectionRegistry {
  private readonly db: Database.Database;
  // Prepared once: the live loop asks before every page, and db.pragma() prepares on each call.
  private readonly dataVersionStmt: Database.Statement;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'registry.db'));
    // Both projection threads open a fresh registry at once (see retryWhileBusy).
    retryWhileBusy(() => this.db.pragma('journal_mode = WAL'));
    this.db.pragma('synchronous = FULL');
    retryWhileBusy(() => this.db.exec('CREATE TABLE IF NOT EXISTS active(name TEXT PRIMARY KEY, version INTEGER NOT NULL, file TEXT NOT NULL)'));
    this.dataVersionStmt = this.db.prepare('PRAGMA data_version').pluck(true);
  }

  active(name: string): { version: number; file: string } | undefined {
    return this.db.prepare('SELECT version, file FROM active WHERE name = ?').get(name) as { version: number; file: string } | undefined;
  }

  activate(name: string, version: number, file: string): void {
    this.db.prepare('INSERT INTO active(name, version, file) VALUES (?,?,?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, file = excluded.file').run(name, version, file);
  }


  /** Changes when another connection (another process) committed to the registry. */
  dataVersion(): number {
    return this.dataVersionStmt.get() as number;
  }

  close(): void {
    this.db.close();
  }
}

export function newGenerationFile(projection: Projection): string {
  return `${projection.name}.v${projection.version}.${Date.now().toString(36)}.db`;
}

/**
 * Read models are rebuildable: WAL keeps each batch atomic (rows and checkpoint together), and a
 * ProjectionInstance goes further, to no fsync at all under a boot mark (unsynced-mark.ts). NORMAL
 * here is for the file's setup and wherever no boot mark can be written.
 */
export function openReadModelFile(file: string, projection: Projection): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Every event rewrites a few random b-tree pages; a checkpoint copies each page once however often
  // it changed since the last one, so checkpointing every ~40 MB of WAL instead of every 4 MB cut the
  // live cost of a detention in the two busiest read models by ~25% (bench/ det-cost, ADR 9).
  // journal_size_limit only trims a WAL that a long-lived reader let grow past that.
  db.pragma('wal_autocheckpoint = 10000');
  // Set on every open (SQLite does not keep it): deleted and overwritten values are zeroed in the file,
  // so a person's erased name does not survive in a free page or free block (ADR 19).
  db.pragma('secure_delete = ON');
  db.pragma('journal_size_limit = 67108864');
  setUpIfFresh(db, projection);
  return db;
}

/** Page cache of a scratch file (PRAGMA cache_size, negative: KiB): a fold rereads little, and RSS is the point. */
const SCRATCH_CACHE_KIB = -2000;

/**
 * A private working copy of a read model (a replay for an audit, a snapshot run, ADR 28): the file
 * only spares memory and is deleted after use, so nothing in it needs to survive a crash: no fsync,
 * the rollback journal in memory (a transaction still rolls back), one connection. Erased values are
 * still zeroed (secure_delete): a snapshot copied from this file must not keep them in free pages.
 */
export function openScratchFile(file: string, projection: Projection): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = ${SCRATCH_CACHE_KIB}`);
    db.pragma('secure_delete = ON');
    setUpIfFresh(db, projection);
    return db;
  } catch (e) {
    // Not a database after all, or no room: its user deletes the file, which must not stay open.
    db.close();
    throw e;
  }
}

function setUpIfFresh(db: Database.Database, projection: Projection): void {
  // Judged by the checkpoint table, not the file: a crash between creating the file and committing
  // the setup leaves an empty file that must be set up on the next start.
  const fresh = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_checkpoint'").get() === undefined;
  if (fresh) {
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS _checkpoint(id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL)');
      db.prepare('INSERT INTO _checkpoint(id, position, name, version) VALUES (1, -1, ?, ?)').run(projection.name, projection.version);
      projection.setup(db);
    })();
  }
}

export function removeFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** The checkpoint of a read-model file, opened read-only (safe beside a running service). */
export function readCheckpoint(file: string): bigint {
  if (!fs.existsSync(file)) return -1n;
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number } | undefined;
    return BigInt(row?.position ?? -1);
  } finally {
    db.close();
  }
}
