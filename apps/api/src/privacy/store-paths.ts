import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Where an embedded store's files are: `events.db` and, beside it, `keys.db` (ADR 19). The privacy
// CLI accepts a data folder or the events.db file itself (e.g. a restored backup under another name).

export interface StoreFiles {
  dir: string;
  events: string;
  keys: string;
}

/** A usage error: exit code 2, and a message that names paths only. */
export class SealUsageError extends Error {
  override readonly name = 'SealUsageError';
}

/** The store at `from` (a data folder or an events file), which must exist. */
export function sourceFiles(from: string): StoreFiles {
  const resolved = path.resolve(from);
  if (!existsSync(resolved)) throw new SealUsageError(`${resolved} does not exist`);
  const events = statSync(resolved).isDirectory() ? path.join(resolved, 'events.db') : resolved;
  if (!existsSync(events)) throw new SealUsageError(`${events} does not exist`);
  // Checked read-only before the store adapter opens it: the adapter would create its table in any file.
  if (!isEventStore(events)) throw new SealUsageError(`${events} is not a Liaison event store`);
  const dir = path.dirname(events);
  return { dir, events, keys: path.join(dir, 'keys.db') };
}

/**
 * The new store's folder: it must not exist yet, or be an empty folder (a fresh mount point), so a
 * seal never mixes its files with another store's and never overwrites anything.
 */
export function targetFiles(to: string, source: StoreFiles): StoreFiles {
  const dir = path.resolve(to);
  if (dir === source.dir) throw new SealUsageError('the target must be a new folder, not the source\'s own');
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new SealUsageError(`${dir} exists and is not an empty folder; the seal writes a new store only`);
  }
  return { dir, events: path.join(dir, 'events.db'), keys: path.join(dir, 'keys.db') };
}

function isEventStore(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false; // not an SQLite file at all
  }
}
