import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand, type Decider } from '../handle-command.js';
import { verifyAll } from '../chain-verifier.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import type { JsonObject } from '../event-store.port.js';
import { PrivateEventStore } from './private-event-store.js';
import { SqliteKeyStore } from './sqlite-key-store.js';
import type { PersonalDataPolicy } from './field-policy.js';

// The store decorator end to end on real files: sealed before chaining, opened on every read,
// erased by destroying the key when the erasure event is stored, and repaired after a crash between
// the two (or a key store restored from before the erasure).

const dir = mkdtempSync(join(tmpdir(), 'liaison-private-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const policy: PersonalDataPolicy = {
  Registered: [{ path: 'name', subject: (d) => `person:${String(d.personId)}` }],
  Erased: [],
  PersonalDataErased: [],
};

type Cmd = { type: 'register'; personId: string; name: string } | { type: 'erase'; personId: string };
type Ev = { type: string; data: JsonObject };
const people: Decider<Cmd, { names: Record<string, unknown> }, Ev> = {
  initialState: () => ({ names: {} }),
  decide: (c) => c.type === 'register'
    ? [{ type: 'Registered', data: { personId: c.personId, name: c.name } }]
    : [{ type: 'PersonalDataErased', data: { personId: c.personId, subject: `person:${c.personId}`, erasedAt: '2026-12-06T12:00:00.000Z' } }],
  evolve: (s, e) => (e.type === 'Registered' ? { names: { ...s.names, [String(e.data.personId)]: e.data.name } } : s),
};

function open(folder = join(dir, `s${n++}`)) {
  mkdirSync(folder, { recursive: true });
  const inner = SqliteEventStore.open(join(folder, 'events.db'));
  const keys = SqliteKeyStore.open(join(folder, 'keys.db'));
  const store = new PrivateEventStore(inner, { policy, keys });
  const run = (cmd: Cmd) => handleCommand(store, 'people-1', cmd, people, {
    metadata: { actor: 'o', occurredAt: '2026-12-06T12:00:00.000Z' }, chain: true, seal: (e) => store.seal(e),
  });
  return { folder, store, inner, keys, run };
}

describe('PrivateEventStore', () => {
  it('given a registered name, then the file holds only ciphertext, every read gives the name back, and the chain verifies', async () => {
    const { folder, store, inner, run } = open();
    await run({ type: 'register', personId: 'p1', name: 'Karin Kvist' });
    const raw = await inner.readStream('people-1');
    expect(raw[0].data.name).toMatchObject({ $enc: 'v1', s: 'person:p1' }); // one value: v1
    expect((await store.readStream('people-1'))[0].data.name).toBe('Karin Kvist');
    expect((await store.readAll())[0].data.name).toBe('Karin Kvist');
    await store.close();
    expect(readFileSync(join(folder, 'events.db')).includes(Buffer.from('Karin Kvist'))).toBe(false);
  });

  it('when the erasure is stored, then the key is gone: reads (and a subscription from the start) show the erased marker, the chain still verifies', async () => {
    const { store, run } = open();
    await run({ type: 'register', personId: 'p1', name: 'Karin Kvist' });
    await run({ type: 'register', personId: 'p2', name: 'Pia Pil' });
    await run({ type: 'erase', personId: 'p1' });
    const events = await store.readStream('people-1');
    expect(events[0].data.name).toEqual({ $redacted: 'erased', s: 'person:p1', at: '2026-12-06T12:00:00.000Z' });
    expect(events[1].data.name).toBe('Pia Pil');
    const seen: unknown[] = [];
    const sub = store.subscribeToAll({ fromPosition: 'start', onCaughtUp: () => void sub.close() });
    for await (const e of sub) seen.push(e.data.name);
    expect(seen.slice(0, 2)).toEqual([{ $redacted: 'erased', s: 'person:p1', at: '2026-12-06T12:00:00.000Z' }, 'Pia Pil']);
    expect((await verifyAll(store)).ok).toBe(true);
    await store.close();
  });

  it('given dataOf, then only those types are opened (the rest read as stored), in log order, and an erasure among them still forgets the key', async () => {
    const { store, inner, run, keys } = open();
    await run({ type: 'register', personId: 'p1', name: 'Karin Kvist' });
    await run({ type: 'erase', personId: 'p1' });
    const raw = await inner.readAll();
    const forgotten: string[] = [];
    const forget = keys.forget!.bind(keys);
    keys.forget = (subject) => (forgotten.push(subject), forget(subject));
    const events = await store.readAll({ dataOf: new Set(['Erased']) });
    expect(events.map((e) => [e.position, e.type])).toEqual(raw.map((e) => [e.position, e.type]));
    expect(events[0].data).toEqual(raw[0].data); // sealed: not a type the reader looks at
    expect(events[0].data.name).toMatchObject({ $enc: 'v1', s: 'person:p1' });
    expect(forgotten).toEqual(['person:p1']);
    expect((await store.readAll({ dataOf: new Set(['Registered']) }))[0].data.name).toEqual({ $redacted: 'erased', s: 'person:p1', at: '2026-12-06T12:00:00.000Z' });
    await store.close();
  });

  it('given an erasure stored but its key not destroyed (a crash, or keys.db restored from an older backup), then reconcile destroys it, once', async () => {
    const first = open();
    await first.run({ type: 'register', personId: 'p1', name: 'Karin Kvist' });
    await first.store.close();
    copyFileSync(join(first.folder, 'keys.db'), join(first.folder, 'keys-backup.db'));
    const second = open(first.folder);
    await second.run({ type: 'erase', personId: 'p1' });
    await second.store.close();
    // Restore the key store as it was before the erasure.
    rmSync(join(first.folder, 'keys.db-wal'), { force: true });
    rmSync(join(first.folder, 'keys.db-shm'), { force: true });
    copyFileSync(join(first.folder, 'keys-backup.db'), join(first.folder, 'keys.db'));
    const restored = open(first.folder);
    expect((await restored.store.readStream('people-1'))[0].data.name).toBe('Karin Kvist');
    expect(await restored.store.reconcileErasures()).toBe(1);
    expect((await restored.store.readStream('people-1'))[0].data.name).toMatchObject({ $redacted: 'erased' });
    expect(await restored.store.reconcileErasures()).toBe(0);
    await restored.store.close();
  });
});
