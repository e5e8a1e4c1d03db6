import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { ClaimOutcome, HeldKey, IdempotencyKeys, StoredResponse } from './idempotency-keys.js';

export type { StoredResponse } from './idempotency-keys.js';

/**
 * Remembers the first answer to each Idempotency-Key so a retried command is a no-op. Kept in its own
 * SQLite file (also with EventStoreDB) because keys are transport state, not facts about a case.
 * synchronous=FULL: an acknowledged key must survive a crash like the event it guards. One process
 * writes it (the embedded store's), so a claim is always granted: the gateway serialises same-key
 * requests of its own process.
 */
export class IdempotencyStore implements IdempotencyKeys {
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

  async claim(key: string): Promise<ClaimOutcome> {
    const stored = this.get(key);
    return stored ? { kind: 'answered', stored } : { kind: 'held', held: { key } };
  }

  async answer(held: HeldKey, response: StoredResponse, at: Date): Promise<void> {
    this.put(held.key, response, at);
  }

  async release(): Promise<void> {
    // Nothing was written for the key.
  }

  /** Keys older than the retention window can no longer be replayed (clients retry within minutes). */
  async prune(olderThan: Date): Promise<number> {
    return this.pruneStmt.run(olderThan.toISOString()).changes;
  }

  close(): void {
    this.db.close();
  }
}
