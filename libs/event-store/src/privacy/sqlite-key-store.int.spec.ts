import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubjectErased } from './privacy.errors.js';
import { KeyStoreMissing, SqliteKeyStore } from './sqlite-key-store.js';
import type { KeyWrap } from './subject-key-store.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `keys-${n++}.db`);
const ERASURE = { eventId: '0190f3a1-0000-7000-8000-00000000e1a5', erasedAt: '2026-12-06T12:00:00.000Z' };

/** Unwraps after a tick, so two callers' get-or-create really interleave between read and insert. */
const slowXor: KeyWrap = {
  wrap: async (key) => {
    await new Promise((r) => setTimeout(r, 5));
    return Buffer.from(key.map((b) => b ^ 0x5a));
  },
  unwrap: async (wrapped) => Buffer.from(wrapped.map((b) => b ^ 0x5a)),
};

describe('SqliteKeyStore: durable settings', () => {
  it('given a new file, then it is WAL, synchronous=FULL, secure_delete, readable by its owner only; and so again after reopening', async () => {
    const file = fresh();
    for (let open = 0; open < 2; open++) {
      const store = SqliteKeyStore.open(file);
      expect(store.pragma('journal_mode')).toBe('wal');
      expect(store.pragma('synchronous')).toBe(2); // FULL
      expect(store.pragma('secure_delete')).toBe(1);
      await store.close();
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('given mustExist and no file, then KeyStoreMissing and no file is created', () => {
    const file = fresh();
    expect(() => SqliteKeyStore.open(file, { mustExist: true })).toThrow(KeyStoreMissing);
    expect(existsSync(file)).toBe(false);
  });
});

describe('SqliteKeyStore: get or create', () => {
  it('given a subject, then it gets a 32-byte key, the same one on every call and after reopening', async () => {
    const file = fresh();
    const store = SqliteKeyStore.open(file);
    const first = (await store.keysFor(['person:a', 'person:b', 'person:a'])).get('person:a')!;
    expect(first).toHaveLength(32);
    expect((await store.keysFor(['person:a'])).get('person:a')).toEqual(first);
    expect((await store.keysFor(['person:b'])).get('person:b')).not.toEqual(first);
    await store.close();
    const reopened = SqliteKeyStore.open(file, { mustExist: true });
    expect((await reopened.keysFor(['person:a'])).get('person:a')).toEqual(first);
    await reopened.close();
  });

  it('given two connections creating the same subjects at once, then both get the one key that was stored', async () => {
    const file = fresh();
    const [a, b] = [SqliteKeyStore.open(file, { wrap: slowXor }), SqliteKeyStore.open(file, { wrap: slowXor })];
    const subjects = Array.from({ length: 20 }, (_, i) => `person:${i}`);
    const answers = await Promise.all([a.keysFor(subjects), b.keysFor(subjects), a.keysFor(subjects.slice(5)), b.keysFor(subjects.slice(0, 3))]);
    for (const s of subjects) {
      const keys = answers.map((m) => m.get(s)).filter((k) => k !== undefined);
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('given many new subjects asked for in one turn of the event loop, then they share one fsync\'d transaction', async () => {
    const file = fresh();
    const store = SqliteKeyStore.open(file);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => store.keysFor([`referral:${i}`, 'case:shared'])));
    expect(store.stats.creationCommits).toBe(1);
    expect(new Set(answers.map((m) => m.get('case:shared')!.toString('hex'))).size).toBe(1);
    // Known subjects, also once out of the cache, are read, never created again (no transaction).
    const reopened = SqliteKeyStore.open(file, { cacheSize: 0 });
    await reopened.keysFor(['referral:7', 'case:shared']);
    expect(reopened.stats.creationCommits).toBe(0);
    await Promise.all([store.close(), reopened.close()]);
  });

  it('given a KeyWrap, then keys are stored wrapped: a store without the wrap reads other bytes', async () => {
    const file = fresh();
    const wrapped = SqliteKeyStore.open(file, { wrap: slowXor });
    const key = (await wrapped.keysFor(['handler:h'])).get('handler:h')!;
    await wrapped.close();
    const plain = SqliteKeyStore.open(file);
    const stored = (await plain.lookup(['handler:h'])).get('handler:h');
    expect(stored).toEqual({ kind: 'key', key: Buffer.from(key.map((x) => x ^ 0x5a)) });
    await plain.close();
  });
});

describe('SqliteKeyStore: lookup and destroy', () => {
  it('given unknown, keyed and erased subjects, then lookup says missing, key and erased, and creates nothing', async () => {
    const store = SqliteKeyStore.open(fresh());
    const key = (await store.keysFor(['person:kept'])).get('person:kept')!;
    await store.keysFor(['person:gone']);
    const tombstone = await store.destroy('person:gone', ERASURE);
    expect(tombstone).toEqual({ subject: 'person:gone', erasedAt: ERASURE.erasedAt, erasureEventId: ERASURE.eventId });
    const found = await store.lookup(['person:kept', 'person:gone', 'person:never']);
    expect(found.get('person:kept')).toEqual({ kind: 'key', key });
    expect(found.get('person:gone')).toEqual({ kind: 'erased', tombstone });
    expect(found.get('person:never')).toEqual({ kind: 'missing' });
    expect((await store.lookup(['person:never'])).get('person:never')).toEqual({ kind: 'missing' });
    await store.close();
  });

  it('given an erased subject, then no new key is ever created for it, and erasing again keeps the first tombstone', async () => {
    const store = SqliteKeyStore.open(fresh());
    await store.keysFor(['person:x']);
    await store.destroy('person:x', ERASURE);
    await expect(store.keysFor(['person:y', 'person:x'])).rejects.toBeInstanceOf(SubjectErased);
    expect((await store.lookup(['person:y'])).get('person:y')).toEqual({ kind: 'missing' }); // all or nothing
    const again = await store.destroy('person:x', { eventId: 'other', erasedAt: '2027-01-01T00:00:00.000Z' });
    expect(again.erasureEventId).toBe(ERASURE.eventId);
    // A subject whose data predates encryption has no key; erasing it still leaves a tombstone.
    expect((await store.destroy('person:legacy', ERASURE)).subject).toBe('person:legacy');
    await store.close();
  });

  it('given a key cached by one connection, when another destroys it, then the first reads it as erased, not from its cache', async () => {
    const file = fresh();
    const reader = SqliteKeyStore.open(file, { epochCheckMs: 0 });
    const eraser = SqliteKeyStore.open(file);
    await eraser.keysFor(['person:cached', 'person:other']);
    expect((await reader.lookup(['person:cached', 'person:other'])).get('person:cached')?.kind).toBe('key');
    await eraser.destroy('person:cached', ERASURE);
    const after = await reader.lookup(['person:cached', 'person:other']);
    expect(after.get('person:cached')?.kind).toBe('erased');
    expect(after.get('person:other')?.kind).toBe('key');
    await expect(reader.keysFor(['person:cached'])).rejects.toBeInstanceOf(SubjectErased);
    await reader.close();
    await eraser.close();
  });

  it('given a destroyed key, then its bytes are in neither keys.db nor its WAL, and a fresh connection reads it as erased', async () => {
    const file = fresh();
    const store = SqliteKeyStore.open(file);
    const subjects = Array.from({ length: 50 }, (_, i) => `person:${i}`);
    const keys = await store.keysFor(subjects);
    const doomed = keys.get('person:17')!;
    const kept = keys.get('person:18')!;
    const bytesOnDisk = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytesOnDisk().includes(doomed)).toBe(true); // the search finds keys while they exist
    await store.destroy('person:17', ERASURE);
    expect(bytesOnDisk().includes(doomed)).toBe(false);
    expect(bytesOnDisk().includes(kept)).toBe(true);
    const other = SqliteKeyStore.open(file);
    expect((await other.lookup(['person:17'])).get('person:17')?.kind).toBe('erased');
    await Promise.all([store.close(), other.close()]);
  });
});

describe('SqliteKeyStore: creations on a thread (the service, compiled)', () => {
  it('given new subjects asked for in one turn, then one creation thread commit stores them durably, and an erased subject is still refused', async () => {
    const file = fresh();
    const store = SqliteKeyStore.open(file, { creations: 'thread' });
    const subjects = Array.from({ length: 40 }, (_, i) => `person:t-${i}`);
    const asked = await Promise.all(subjects.map((s) => store.keysFor([s])));
    expect(store.stats.creationCommits).toBe(1);
    const other = SqliteKeyStore.open(file);
    const found = await other.lookup(subjects);
    subjects.forEach((s, i) => expect(found.get(s)).toEqual({ kind: 'key', key: asked[i].get(s) }));
    await other.destroy('person:gone', ERASURE);
    await expect(store.keysFor(['person:gone'])).rejects.toBeInstanceOf(SubjectErased);
    await other.close();
    await store.close();
  });
});
