import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  KEY_BYTES, SqliteKeyStore, type ErasureRef, type KeyLookup, type SubjectKeyStore, type Tombstone,
} from '@liaison/event-store';

// The new store's key store during a seal (ADR 19). It starts as a copy of the source's keys.db (if
// any): envelopes already in the source stay as they are, and their keys must come along. A subject
// erased in the source (a tombstone) whose values predate encryption is sealed under a fresh key that
// is never stored: the ciphertext goes into the new log, the key nowhere, and readers find the
// tombstone, so the value reads as erased, exactly as if it had been encrypted before the erasure.

export interface CopiedKeys {
  keys: number;
  tombstones: number;
}

export class SealKeys implements SubjectKeyStore {
  /** Subjects whose plaintext was sealed under a discarded key (erased before the seal). */
  readonly erasedSubjects = new Set<string>();

  private constructor(private readonly inner: SqliteKeyStore) {}

  /** Creates `target` (refusing an existing one) and copies every key and tombstone of `source` into it. */
  static create(target: string, source: string | undefined): { keys: SealKeys; copied: CopiedKeys } {
    if (existsSync(target)) throw new Error(`${target} already exists`);
    // A large cache: a seal meets each subject in bursts (a case's events sit together in $all).
    const inner = SqliteKeyStore.open(target, { cacheSize: 100_000 });
    try {
      const copied = source !== undefined && existsSync(source) ? copyKeys(source, target) : { keys: 0, tombstones: 0 };
      return { keys: new SealKeys(inner), copied };
    } catch (e) {
      void inner.close();
      throw e;
    }
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const known = await this.inner.lookup(subjects);
    const live = subjects.filter((s) => known.get(s)?.kind !== 'erased');
    const out = await this.inner.keysFor(live);
    for (const s of subjects) {
      if (known.get(s)?.kind !== 'erased') continue;
      this.erasedSubjects.add(s);
      out.set(s, randomBytes(KEY_BYTES));
    }
    return out;
  }

  lookup(subjects: readonly string[]): Promise<Map<string, KeyLookup>> {
    return this.inner.lookup(subjects);
  }

  destroy(subject: string, erasure: ErasureRef): Promise<Tombstone> {
    return this.inner.destroy(subject, erasure);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Rows copied as stored (keys still wrapped as the source wrapped them), in one fsync'd transaction. */
function copyKeys(source: string, target: string): CopiedKeys {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  const to = new Database(target);
  try {
    to.pragma('journal_mode = WAL');
    to.pragma('synchronous = FULL');
    to.pragma('secure_delete = ON');
    const keys = from.prepare('SELECT subject, key, created_at FROM subject_keys').raw(true).all() as [string, Buffer, string][];
    const tombstones = from.prepare('SELECT subject, erased_at, erasure_event_id FROM tombstones').raw(true).all() as [string, string, string][];
    const insertKey = to.prepare('INSERT INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?)');
    const insertTombstone = to.prepare('INSERT INTO tombstones (subject, erased_at, erasure_event_id) VALUES (?, ?, ?)');
    to.transaction(() => {
      for (const row of keys) insertKey.run(...row);
      for (const row of tombstones) insertTombstone.run(...row);
    }).immediate();
    return { keys: keys.length, tombstones: tombstones.length };
  } finally {
    from.close();
    to.close();
  }
}
