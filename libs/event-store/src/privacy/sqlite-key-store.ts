import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { retryWhileBusy } from '../sqlite/busy-retry.js';
import { KEY_BYTES, type KeyLookup } from './envelope.js';
import { KeyCache } from './key-cache.js';
import { SubjectErased, type Tombstone } from './privacy.errors.js';
import { UNWRAPPED, type ErasureRef, type KeyWrap, type SubjectKeyStore } from './subject-key-store.js';

export interface SqliteKeyStoreOptions {
  /** Refuse to create the file: the log already holds ciphertext, so an empty key store would be a silent loss. */
  mustExist?: boolean;
  /** Keys kept in memory (LRU). Default 10,000 (~1 MB with the map's overhead). */
  cacheSize?: number;
  /** HSM/KMS seam; keys are stored as they are by default. */
  wrap?: KeyWrap;
}

/** The key store lives in its own file: a key inside the log could never be destroyed. */
export class KeyStoreMissing extends Error {
  override readonly name = 'KeyStoreMissing';
  constructor() {
    super('the key store file does not exist and must not be created empty (the log holds encrypted data)');
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject    TEXT PRIMARY KEY,
  key        BLOB NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tombstones (
  subject          TEXT PRIMARY KEY,
  erased_at        TEXT NOT NULL,
  erasure_event_id TEXT NOT NULL
) WITHOUT ROWID;
`;

type TombstoneRow = { subject: string; erased_at: string; erasure_event_id: string };
const tombstoneOf = (r: TombstoneRow): Tombstone => ({ subject: r.subject, erasedAt: r.erased_at, erasureEventId: r.erasure_event_id });

function prepare(db: Database.Database) {
  return {
    key: db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject = ?'),
    tombstone: db.prepare<[string], TombstoneRow>('SELECT * FROM tombstones WHERE subject = ?'),
    insertKey: db.prepare('INSERT INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteKey: db.prepare('DELETE FROM subject_keys WHERE subject = ?'),
    insertTombstone: db.prepare('INSERT INTO tombstones (subject, erased_at, erasure_event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  };
}

/** The embedded key store (ADR 19): `DATA_DIR/keys.db`, durable before it answers, erasure leaves no key bytes. */
export class SqliteKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly cache: KeyCache;
  private readonly wrapper: KeyWrap;
  private readonly st: ReturnType<typeof prepare>;

  private constructor(file: string, options: SqliteKeyStoreOptions) {
    const created = !existsSync(file);
    if (created && options.mustExist) throw new KeyStoreMissing();
    this.db = new Database(file, { timeout: 5000 });
    if (created) chmodSync(file, 0o600);
    // Set on every open: SQLite does not remember synchronous, and a re-opened WAL file would run at
    // NORMAL, which may lose the last commits on power loss: a key acknowledged, then gone.
    retryWhileBusy(() => this.db.pragma('journal_mode = WAL'));
    this.db.pragma('synchronous = FULL');
    // Deleted rows are overwritten with zeros, so a destroyed key does not linger in a free page.
    this.db.pragma('secure_delete = ON');
    retryWhileBusy(() => this.db.exec(SCHEMA));
    this.cache = new KeyCache(options.cacheSize ?? 10_000);
    this.wrapper = options.wrap ?? UNWRAPPED;
    this.st = prepare(this.db);
  }

  static open(file: string, options: SqliteKeyStoreOptions = {}): SqliteKeyStore {
    return new SqliteKeyStore(file, options);
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const misses: string[] = [];
    for (const s of subjects) {
      const hit = this.cache.get(s);
      if (hit) out.set(s, hit);
      else if (!out.has(s) && !misses.includes(s)) misses.push(s);
    }
    if (misses.length === 0) return out;
    // Fresh keys are made (and wrapped, which may be a KMS call) outside the transaction; whoever
    // inserts first wins, and everyone reads back the stored one.
    const fresh = await Promise.all(misses.map((s) => this.wrapper.wrap(randomBytes(KEY_BYTES), s)));
    const now = new Date().toISOString();
    const stored = this.immediate(() => misses.map((s, i) => {
      const tombstone = this.st.tombstone.get(s);
      if (tombstone) throw new SubjectErased(tombstoneOf(tombstone));
      this.st.insertKey.run(s, fresh[i], now);
      return this.st.key.get(s)!.key;
    }));
    const keys = await Promise.all(misses.map((s, i) => this.wrapper.unwrap(stored[i], s)));
    misses.forEach((s, i) => {
      this.cache.set(s, keys[i]);
      out.set(s, keys[i]);
    });
    return out;
  }

  async lookup(subjects: readonly string[]): Promise<Map<string, KeyLookup>> {
    const out = new Map<string, KeyLookup>();
    for (const s of subjects) {
      if (out.has(s)) continue;
      const hit = this.cache.get(s);
      if (hit) {
        out.set(s, { kind: 'key', key: hit });
        continue;
      }
      const row = this.st.key.get(s);
      if (row) {
        const key = await this.wrapper.unwrap(row.key, s);
        this.cache.set(s, key);
        out.set(s, { kind: 'key', key });
        continue;
      }
      const tombstone = this.st.tombstone.get(s);
      out.set(s, tombstone ? { kind: 'erased', tombstone: tombstoneOf(tombstone) } : { kind: 'missing' });
    }
    return out;
  }

  async destroy(subject: string, erasure: ErasureRef): Promise<Tombstone> {
    this.cache.delete(subject);
    const row = this.immediate(() => {
      this.st.deleteKey.run(subject);
      this.st.insertTombstone.run(subject, erasure.erasedAt, erasure.eventId);
      return this.st.tombstone.get(subject)!;
    });
    // The key's bytes are zeroed in the database pages (secure_delete) once the deletion is
    // checkpointed; TRUNCATE also empties the WAL, whose earlier frames still held the key. With other
    // connections reading, the checkpoint may stop short; the next one (any destroy, or SQLite's
    // automatic one) completes it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return tombstoneOf(row);
  }

  /** SQLite's own check of the file, for operators and the crash spec. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  pragma(name: 'journal_mode' | 'synchronous' | 'secure_delete'): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** BEGIN IMMEDIATE: takes the write lock up front, so two processes creating one key serialise here. */
  private immediate<T>(run: () => T): T {
    return retryWhileBusy(() => this.db.transaction(run).immediate());
  }
}
