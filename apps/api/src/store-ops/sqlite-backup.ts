import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, verifyAll, type VerifyReport } from '@liaison/event-store';

/** The files of DATA_DIR a backup takes: the event log, and the subject keys (ADR 19) when they exist. */
export const BACKED_UP_FILES = ['events.db', 'keys.db'] as const;

export interface BackupManifest {
  createdAt: string;
  files: { name: string; bytes: number }[];
  events: number;
  /** Global position of the last event in the backup (-1 when empty). */
  head: string;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** The backup's own chains, verified before it was declared done. */
  verified: VerifyReport;
}

/**
 * An online, consistent copy of a SQLite file with `VACUUM INTO`: one read transaction, so a snapshot
 * as of its start even while the service's writer thread keeps committing (WAL lets both run); the
 * page-stepping backup API instead restarts whenever another connection writes, and under steady load
 * may never finish. Written to a temporary name, fsync'd, then renamed, so a crash never leaves a
 * half file under the real name.
 */
export function snapshotSqlite(sourceFile: string, targetFile: string): void {
  const partial = `${targetFile}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  fsyncFile(partial);
  fs.renameSync(partial, targetFile);
  fsyncFile(path.dirname(targetFile));
}

/** Backs DATA_DIR's stores up into `dir` (created; must not hold a backup yet), then verifies the copy. */
export async function backupDataDir(dataDir: string, dir: string, now: () => Date = () => new Date()): Promise<BackupResult> {
  if (fs.existsSync(path.join(dir, 'backup.json'))) throw new Error(`${dir} already holds a backup`);
  if (!fs.existsSync(path.join(dataDir, 'events.db'))) throw new Error(`no event log at ${path.join(dataDir, 'events.db')}`);
  fs.mkdirSync(dir, { recursive: true });
  const createdAt = now().toISOString();
  const files: BackupManifest['files'] = [];
  for (const name of BACKED_UP_FILES) {
    const source = path.join(dataDir, name);
    if (!fs.existsSync(source)) continue;
    snapshotSqlite(source, path.join(dir, name));
    files.push({ name, bytes: fs.statSync(path.join(dir, name)).size });
  }
  const verified = await verifyCopy(path.join(dir, 'events.db'));
  if (!verified.ok) throw new Error(`the backup's hash chains do not verify (first break: ${JSON.stringify(verified.firstBreak)})`);
  const manifest: BackupManifest = { createdAt, files, events: verified.events, head: headOf(path.join(dir, 'events.db')).toString() };
  fs.writeFileSync(path.join(dir, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncFile(path.join(dir, 'backup.json'));
  return { manifest, verified };
}

/**
 * Puts a backup back as DATA_DIR's stores (the service must be stopped; existing files are refused
 * unless `force`, and then kept beside as `<name>.before-restore`), and verifies the restored log.
 */
export async function restoreDataDir(dir: string, dataDir: string, { force = false } = {}): Promise<{ manifest: BackupManifest; verified: VerifyReport }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'backup.json'), 'utf8')) as BackupManifest;
  fs.mkdirSync(dataDir, { recursive: true });
  for (const { name } of manifest.files) {
    const target = path.join(dataDir, name);
    if (fs.existsSync(target)) {
      if (!force) throw new Error(`${target} exists: stop the service and pass --force to replace it (it is kept as ${name}.before-restore)`);
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, `${target}.before-restore${suffix}`);
    }
    snapshotSqlite(path.join(dir, name), target);
  }
  const verified = await verifyCopy(path.join(dataDir, 'events.db'));
  if (verified.events !== manifest.events) throw new Error(`restored ${verified.events} events, the backup holds ${manifest.events}`);
  return { manifest, verified };
}

async function verifyCopy(file: string): Promise<VerifyReport> {
  const store = SqliteEventStore.open(file, { writer: 'inline' });
  try {
    return await verifyAll(store);
  } finally {
    await store.close();
  }
}

function headOf(file: string): bigint {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return BigInt(db.prepare('SELECT ifnull(max(global_position), -1) FROM events').pluck().get() as number);
  } finally {
    db.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
