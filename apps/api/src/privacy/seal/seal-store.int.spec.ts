import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chainOf, decryptEvents, encryptEvents, isEnvelope, readAllAfter, SqliteEventStore, SqliteKeyStore, verifyAll,
  type RecordedEvent,
} from '@liaison/event-store';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { PlainProgress } from './seal-progress.js';
import { sealStore, type SealOutcome } from './seal-store.js';
import { MANIFEST_FILE, type SealManifest } from './seal-manifest.js';
import { appendInterleaved, caseStream, caseValues, requestStream } from './testing/plaintext-store.fixture.js';

// The seal (ADR 19) over a real embedded store written before encryption: 12 plaintext cases and 4
// information requests, one case already sealed (a partly sealed store), one whose person was erased
// while their values were still in clear.

const CASES = 12;
const EXTENSIONS = 3;
const SEALED_CASE = 100;
const ERASED_CASE = 200;
const erasedPerson = `person:00000000-0000-4000-8002-${String(ERASED_CASE).padStart(12, '0')}`;

const tmp = mkdtempSync(path.join(tmpdir(), 'liaison-seal-'));
const src = path.join(tmp, 'src');
const quiet = () => new PlainProgress(() => undefined, () => 0);
const seal = (from: string, to: string) => sealStore({ from, to, operator: 'ops-jane', toolVersion: '9.9.9', policy: PERSONAL_DATA_POLICY, progress: quiet() });

async function allEvents(dir: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(path.join(dir, 'events.db'));
  try {
    return await readAllAfter(store, undefined, 100_000);
  } finally {
    await store.close();
  }
}

async function opened(dir: string, events: RecordedEvent[]): Promise<RecordedEvent[]> {
  const keys = SqliteKeyStore.open(path.join(dir, 'keys.db'), { mustExist: true });
  try {
    return await decryptEvents(keys, events);
  } finally {
    await keys.close();
  }
}

/** Every plaintext personal string the source holds (numbers aside: digits occur in base64 by chance). */
const personalStrings = (n: number): string[] => {
  const v = caseValues(n);
  const ofCase = [v.title, v.name, v.pseudonym, v.alias, v.handler, v.custody(0), v.custody(2), v.closed];
  return n < 4 ? [...ofCase, v.sought, v.refusal] : ofCase; // requests 0-3 exist
};
const caseNumbers = [...Array.from({ length: CASES }, (_, i) => i), ERASED_CASE];

let sourceEvents: RecordedEvent[];
let sealed: SealOutcome;

beforeAll(async () => {
  mkdirSync(src);
  const store = SqliteEventStore.open(path.join(src, 'events.db'));
  const keys = SqliteKeyStore.open(path.join(src, 'keys.db'));
  try {
    const streams = [...Array.from({ length: CASES }, (_, n) => caseStream(n, EXTENSIONS)), ...Array.from({ length: 4 }, (_, n) => requestStream(n)), caseStream(ERASED_CASE, EXTENSIONS)];
    await appendInterleaved(store, streams);
    // A case written after encryption was switched on: its values are envelopes under the source's keys.db.
    const already = caseStream(SEALED_CASE, 1);
    const ids = already.events.map((_, i) => `seal-spec-${i}`);
    const encrypted = await encryptEvents(PERSONAL_DATA_POLICY, keys, already.events.map((e, i) => ({ ...e, id: ids[i] })));
    await appendInterleaved(store, [{ streamId: already.streamId, events: encrypted }], 100);
    // Erased while their values were still in clear: a tombstone and no key.
    await keys.destroy(erasedPerson, { eventId: 'erasure-1', erasedAt: '2026-06-01T10:00:00.000Z' });
  } finally {
    await keys.close();
    await store.close();
  }
  sourceEvents = await allEvents(src);
  sealed = await seal(src, path.join(tmp, 'sealed'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('privacy seal', () => {
  it('given a plaintext store, then no personal value is left in the new events.db file, while the source still holds them', () => {
    expect(sealed.ok).toBe(true);
    const dir = path.join(tmp, 'sealed');
    // events.db checkpointed into one file (no -wal left to hold anything); keys.db may keep its WAL.
    expect(readdirSync(dir).filter((f) => !f.startsWith('keys.db')).sort()).toEqual(['events.db', MANIFEST_FILE]);
    const bytes = readFileSync(path.join(dir, 'events.db'));
    const source = Buffer.concat(readdirSync(src).filter((f) => f.startsWith('events.db')).map((f) => readFileSync(path.join(src, f))));
    for (const n of caseNumbers) {
      for (const value of personalStrings(n)) {
        expect(source.includes(value)).toBe(true);
        expect(bytes.includes(value)).toBe(false);
      }
    }
  });

  it('given the new keys.db, then every value decrypts to the source\'s, and the person erased before the seal reads as erased', async () => {
    const copy = await opened(path.join(tmp, 'sealed'), await allEvents(path.join(tmp, 'sealed')));
    const original = await opened(src, sourceEvents);
    expect(copy.map((e) => [e.id, e.streamId, e.revision, e.position, e.type, e.recordedAt]))
      .toEqual(original.map((e) => [e.id, e.streamId, e.revision, e.position, e.type, e.recordedAt]));
    const erasedStream = caseStream(ERASED_CASE, 0).streamId;
    copy.forEach((e, i) => {
      const { chain: _new, ...metadata } = e.metadata;
      const { chain: _old, ...sourceMetadata } = original[i].metadata;
      expect(metadata).toEqual(sourceMetadata);
      if (e.type === 'PersonRegistered' && e.streamId === erasedStream) {
        for (const f of ['name', 'pseudonym', 'aliases', 'birthYear']) expect(e.data[f]).toEqual({ $redacted: 'erased', s: erasedPerson, at: '2026-06-01T10:00:00.000Z' });
      } else {
        expect(e.data).toEqual(original[i].data);
      }
    });
    expect(copy.find((e) => e.type === 'RequestRefused')?.data.grounds).toEqual([{ ground: 'c', reason: caseValues(0).refusal }, { ground: 'f' }]);
  });

  it('given the new store, then every stored personal value is an envelope, already sealed ones are kept byte for byte, and the chains verify over the ciphertext', async () => {
    const raw = await allEvents(path.join(tmp, 'sealed'));
    const person = raw.find((e) => e.type === 'PersonRegistered')!;
    for (const f of ['name', 'pseudonym', 'aliases', 'birthYear']) expect(isEnvelope(person.data[f])).toBe(true);
    const before = sourceEvents.filter((e) => e.id.startsWith('seal-spec-'));
    const after = raw.filter((e) => e.id.startsWith('seal-spec-'));
    expect(after.map((e) => e.data)).toEqual(before.map((e) => e.data));
    const store = SqliteEventStore.open(path.join(tmp, 'sealed', 'events.db'));
    try {
      const report = await verifyAll(store);
      expect(report).toMatchObject({ ok: true, events: sourceEvents.length, streams: 18 });
    } finally {
      await store.close();
    }
  });

  it('given a seal, then its manifest maps each stream\'s old head hash to the new one, with counts, totals, operator and version', async () => {
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'sealed', MANIFEST_FILE), 'utf8')) as SealManifest;
    expect(sealed.ok && manifest).toEqual(sealed.ok && sealed.manifest);
    const raw = await allEvents(path.join(tmp, 'sealed'));
    const lastOf = (events: RecordedEvent[], stream: string) => chainOf(events.filter((e) => e.streamId === stream).at(-1)!.metadata)!.hash;
    const stream = caseStream(3, 0).streamId;
    expect(manifest.streams[stream]).toEqual({ events: 6 + EXTENSIONS, oldHead: lastOf(sourceEvents, stream), newHead: lastOf(raw, stream) });
    expect(manifest.streams[stream].oldHead).not.toEqual(manifest.streams[stream].newHead);
    expect(Object.keys(manifest.streams)).toHaveLength(18);
    expect(manifest).toMatchObject({
      operator: 'ops-jane', tool: { version: '9.9.9' }, positions: 'preserved', typesNotInPolicy: {},
      totals: {
        events: sourceEvents.length, streams: 18,
        fieldsSealed: 13 * (7 + EXTENSIONS) + 4 * 3, fieldsAlreadySealed: 7 + 1,
        eventsWithPersonalData: 13 * (4 + EXTENSIONS) + 4 * 2 + (4 + 1),
        keysCopied: 3, tombstonesCopied: 1, erasedSubjectsSealedWithoutKey: 1,
        // Per plaintext case: its text, its person, its handler; per request: its subject.
        keysCreated: 12 * 3 + 2 + 4,
      },
    });
    expect(Date.parse(manifest.finishedAt)).toBeGreaterThanOrEqual(Date.parse(manifest.startedAt));
  });

  it('given a store that was already sealed, then sealing it again changes no value and creates no key', async () => {
    const again = await seal(path.join(tmp, 'sealed', 'events.db'), path.join(tmp, 'resealed'));
    expect(again).toMatchObject({ ok: true, manifest: { totals: { fieldsSealed: 0, keysCreated: 0, keysCopied: 12 * 3 + 2 + 4 + 3 } } });
    const first = await allEvents(path.join(tmp, 'sealed'));
    const second = await allEvents(path.join(tmp, 'resealed'));
    expect(second.map((e) => [e.id, e.data, e.metadata])).toEqual(first.map((e) => [e.id, e.data, e.metadata]));
  });
});

