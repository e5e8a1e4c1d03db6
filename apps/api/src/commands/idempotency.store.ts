import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * Remembers the first answer to each Idempotency-Key so a retried command is a no-op. Kept in its own
 * SQLite file (also with EventStoreDB) because keys are transport state, not facts about a case.
 * synchronous=FULL: an acknowledged key must survive a crash like the event it guards.
 */
export class IdempotencyStore {
  private readonly db: Db;
  private readonly getStmt: Statement<[string], { fingerprint: string; status: number; body: string }>;
  private readonly putStmt: Statement<[string, string, number, string, string]>;
  private readonly pruneStmt: Statement<[string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys(
      key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)`);
    this.getStmt = this.db.prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE key = ?');
    this.putStmt = this.db.prepare('INSERT OR IGNORE INTO idempotency_keys(key, fingerprint, status, body, created_at) VALUES (?,?,?,?,?)');
    this.pruneStmt = this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  }

  get(key: string): StoredResponse | undefined {
    return this.getStmt.get(key);
  }

  put(key: string, response: StoredResponse, at: Date): void {
    this.putStmt.run(key, response.fingerprint, response.status, response.body, at.toISOString());
  }

  /** Keys older than the retention window can no longer be replayed (clients retry within minutes). */
  prune(olderThan: Date): number {
    return this.pruneStmt.run(olderThan.toISOString()).changes;
  }

  close(): void {
    this.db.close();
  }
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
