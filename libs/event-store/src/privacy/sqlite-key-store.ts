import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { retryWhileBusy } from '../sqlite/busy-retry.js';
import { KEY_BYTES, type KeyLookup } from './envelope.js';
import { KeyCache } from './key-cache.js';
import { SubjectErased, type Tombstone } from './privacy.errors.js';
import { openKeyDatabase, prepareKeyStatements, tombstoneOf, type StoredRow } from './sqlite-key-schema.js';
import { commitCreations } from './key-creation.js';
import { KeyWriterClient } from './key-writer.client.js';
import { UNWRAPPED, type ErasureRef, type KeyWrap, type SubjectKeyStore } from './subject-key-store.js';

export interface SqliteKeyStoreOptions {
  /** Refuse to create the file: the log already holds ciphertext, so an empty key store would be a silent loss. */
  mustExist?: boolean;
  /** Keys kept in memory (LRU). Default 10,000 (~1 MB with the map's overhead). */
  cacheSize?: number;
  /** HSM/KMS seam; keys are stored as they are by default. */
  wrap?: KeyWrap;
  /**
   * How often (ms) to look for other processes' erasures (the epoch in keys.db). Default 50: a point
   * read per call cost ~10-35 µs on a busy machine, on every command. Within that window a reader that
   * meets the erasure event itself still forgets the key at once (PrivateEventStore), so only a read
   * of another stream could see a key its own process erased elsewhere less than 50 ms ago.
   */
  epochCheckMs?: number;
  /**
   * 'thread': new keys are committed on a creation thread, so this thread's event loop never waits for
   * keys.db's fsync (the service, compiled). 'inline' (default): on the calling thread.
   */
  creations?: 'inline' | 'thread';
}

/** The key store lives in its own file: a key inside the log could never be destroyed. */
export class KeyStoreMissing extends Error {
  override readonly name = 'KeyStoreMissing';
  constructor() {
    super('the key store file does not exist and must not be created empty (the log holds encrypted data)');
  }
}

/** The embedded key store (ADR 19): `DATA_DIR/keys.db`, durable before it answers, erasure leaves no key bytes. */
export class SqliteKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly cache: KeyCache;
  private readonly wrapper: KeyWrap;
  private readonly st: ReturnType<typeof prepareKeyStatements>;
  /** Transactions that created keys (each one fsync): group commit keeps this well below the keys created. */
  readonly stats = { creationCommits: 0 };
  /** The erasure epoch the cache was filled under (see sqlite-key-schema.ts). */
  private epoch = -1;
  private epochCheckedAt = Number.NEGATIVE_INFINITY;
  private readonly epochCheckMs: number;
  private batch: { fresh: Map<string, Buffer>; done: Promise<Map<string, StoredRow>> } | undefined;

  private constructor(file: string, options: SqliteKeyStoreOptions) {
    const created = !existsSync(file);
    if (created && options.mustExist) throw new KeyStoreMissing();
    this.db = openKeyDatabase(file);
    if (created) chmodSync(file, 0o600);
    this.cache = new KeyCache(options.cacheSize ?? 10_000);
    this.wrapper = options.wrap ?? UNWRAPPED;
    this.st = prepareKeyStatements(this.db);
    this.epochCheckMs = options.epochCheckMs ?? 50;
    this.writer = options.creations === 'thread' ? new KeyWriterClient(file) : undefined;
  }

  private readonly writer: KeyWriterClient | undefined;

  static open(file: string, options: SqliteKeyStoreOptions = {}): SqliteKeyStore {
    return new SqliteKeyStore(file, options);
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    this.dropCacheIfErasedElsewhere();
    const out = new Map<string, Buffer>();
    const absent: string[] = [];
    for (const s of new Set(subjects)) {
      const hit = this.cache.get(s) ?? (await this.stored(s));
      if (hit) out.set(s, hit);
      else absent.push(s);
    }
    if (absent.length === 0) return out;
    // Fresh keys are made (and wrapped, which may be a KMS call) outside any transaction, then
    // inserted with everyone else's of this turn of the event loop in one fsync'd transaction.
    const fresh = await Promise.all(absent.map((s) => this.wrapper.wrap(randomBytes(KEY_BYTES), s)));
    const stored = await this.createInBatch(absent, fresh);
    for (const s of absent) {
      const row = stored.get(s)!;
      if ('tombstone' in row) throw new SubjectErased(row.tombstone);
    }
    const keys = await Promise.all(absent.map((s) => this.wrapper.unwrap((stored.get(s) as { wrapped: Buffer }).wrapped, s)));
    absent.forEach((s, i) => {
      this.cache.set(s, keys[i]);
      out.set(s, keys[i]);
    });
    return out;
  }

  /** The subject's stored key (unwrapped and cached), undefined when it has none; SubjectErased when erased. */
  private async stored(subject: string): Promise<Buffer | undefined> {
    const row = this.st.key.get(subject);
    if (row) {
      const key = await this.wrapper.unwrap(row.key, subject);
      this.cache.set(subject, key);
      return key;
    }
    const tombstone = this.st.tombstone.get(subject);
    if (tombstone) throw new SubjectErased(tombstoneOf(tombstone));
    return undefined;
  }

  /**
   * Group commit for key creation (as ADR 2 for events): every creation asked for in this turn of the
   * event loop shares one immediate transaction, so a bulk import of 2,145 new referrals costs a few
   * fsyncs, not 2,145. Whoever inserted first wins; everyone reads back the stored key. A subject
   * erased meanwhile answers its tombstone (only its caller fails, not the whole batch).
   */
  private createInBatch(subjects: readonly string[], wrapped: readonly Buffer[]): Promise<Map<string, StoredRow>> {
    if (!this.batch) {
      const fresh = new Map<string, Buffer>();
      const done = new Promise<Map<string, StoredRow>>((resolve, reject) => setImmediate(() => {
        this.batch = undefined;
        this.stats.creationCommits++;
        const now = new Date().toISOString();
        if (this.writer) {
          this.writer.create(fresh, now).then(resolve, reject);
          return;
        }
        try {
          resolve(commitCreations(this.db, this.st, fresh, now));
        } catch (e) {
          reject(e);
        }
      }));
      this.batch = { fresh, done };
    }
    subjects.forEach((s, i) => this.batch!.fresh.has(s) || this.batch!.fresh.set(s, wrapped[i]));
    return this.batch.done;
  }

  async lookup(subjects: readonly string[]): Promise<Map<string, KeyLookup>> {
    this.dropCacheIfErasedElsewhere();
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

  forget(subject: string): void {
    this.cache.delete(subject);
  }

  async destroy(subject: string, erasure: ErasureRef): Promise<Tombstone> {
    this.cache.delete(subject);
    const row = this.immediate(() => {
      this.st.deleteKey.run(subject);
      const { changes } = this.st.insertTombstone.run(subject, erasure.erasedAt, erasure.eventId);
      if (changes) this.st.bumpEpoch.run();
      return this.st.tombstone.get(subject)!;
    });
    // The key's bytes are zeroed in the database pages (secure_delete) once the deletion is
    // checkpointed; TRUNCATE also empties the WAL, whose earlier frames still held the key. With other
    // connections reading, the checkpoint may stop short; the next one (any destroy, or SQLite's
    // automatic one) completes it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return tombstoneOf(row);
  }

  /**
   * A key cached here may have been destroyed by another process (one point read per batch, ~1 µs):
   * without this, a reader that cached a key before someone else's erasure would go on decrypting.
   */
  private dropCacheIfErasedElsewhere(): void {
    const now = performance.now();
    if (now - this.epochCheckedAt < this.epochCheckMs) return;
    this.epochCheckedAt = now;
    const epoch = this.st.epoch.get() as number;
    if (epoch !== this.epoch) {
      this.cache.clear();
      this.epoch = epoch;
    }
  }

  async erasuresAppliedThrough(): Promise<bigint> {
    const stored = this.st.appliedThrough.get() as string | undefined;
    return stored === undefined ? -1n : BigInt(stored);
  }

  async markErasuresAppliedThrough(position: bigint): Promise<void> {
    this.immediate(() => this.st.setAppliedThrough.run(position.toString()));
  }

  /** SQLite's own check of the file, for operators and the crash spec. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  pragma(name: 'journal_mode' | 'synchronous' | 'secure_delete'): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async close(): Promise<void> {
    await this.writer?.close();
    if (this.db.open) this.db.close();
  }

  /** BEGIN IMMEDIATE: takes the write lock up front, so two processes creating one key serialise here. */
  private immediate<T>(run: () => T): T {
    return retryWhileBusy(() => this.db.transaction(run).immediate());
  }
}
