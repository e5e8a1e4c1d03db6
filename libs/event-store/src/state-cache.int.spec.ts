import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { handleCommand, type Decider } from './handle-command.js';
import { StateCache } from './state-cache.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { WrongExpectedVersion } from './event-store.errors.js';

// A counter that refuses to go above a limit: enough to show a stale cache can't decide wrongly.
type Cmd = { type: 'Add'; by: number } | { type: 'Noop' };
type Ev = { type: 'Added'; data: { by: number } };
const LIMIT = 3;
const counter: Decider<Cmd, number, Ev> = {
  initialState: () => 0,
  evolve: (n, e) => n + e.data.by,
  decide: (c, n) => {
    if (c.type === 'Noop') return [];
    if (n + c.by > LIMIT) throw new Error(`over limit: ${n} + ${c.by}`);
    return [{ type: 'Added', data: { by: c.by } }];
  },
};
const metadata = { actor: 't', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2026-11-24T00:00:00Z' };

describe('handleCommand with an optimistic StateCache', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'liaison-cache-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a stale cache (another writer appended) re-reads and lands on the right revision', async () => {
    const stream = `cache-${Math.random().toString(36).slice(2)}`;
    const mine = new StateCache<unknown>();
    const theirs = new StateCache<unknown>();
    await handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine });
    await handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: theirs });
    const r = await handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine });
    expect(r.nextExpectedRevision).toBe(2n);
    expect(r.newState).toBe(3);
    expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('a rejection decided on a stale cache is confirmed on a fresh read', async () => {
    const stream = `cache-${Math.random().toString(36).slice(2)}`;
    const mine = new StateCache<unknown>();
    await handleCommand(store, stream, { type: 'Add', by: 3 }, counter, { metadata, cache: mine });
    // Seed a lie into the cache: pretend the stream is at its limit when the store says otherwise.
    mine.set(stream, 3, 0n, null);
    await store.append(stream, [{ type: 'Added', data: { by: -3 }, metadata }], { expectedRevision: 0n });
    const r = await handleCommand(store, stream, { type: 'Add', by: 2 }, counter, { metadata, cache: mine });
    expect(r.newState).toBe(2);
    await expect(handleCommand(store, stream, { type: 'Add', by: 5 }, counter, { metadata, cache: mine })).rejects.toThrow('over limit: 2 + 5');
  });

  it('a pinned revision is checked against the store, not the cache', async () => {
    const stream = `cache-${Math.random().toString(36).slice(2)}`;
    const mine = new StateCache<unknown>();
    await handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine });
    await store.append(stream, [{ type: 'Added', data: { by: 1 }, metadata }], { expectedRevision: 0n });
    // The cache says 0, the store says 1: pinning 1 must succeed, pinning 0 must fail with actual = 1.
    await expect(handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine, expectedRevision: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    const stale = handleCommand(store, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine, expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersion);
    await expect(stale).rejects.toMatchObject({ actual: 2n });
  });

  it('confirms a rejection on a long cached stream by reading only what came after the cached revision', async () => {
    const stream = `cache-${Math.random().toString(36).slice(2)}`;
    // 400 events that add nothing, then one that fills the counter up to its limit.
    await store.append(stream, Array.from({ length: 400 }, () => ({ type: 'Added', data: { by: 0 }, metadata })));
    const mine = new StateCache<unknown>();
    await handleCommand(store, stream, { type: 'Add', by: LIMIT }, counter, { metadata, cache: mine });
    let eventsRead = 0;
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        if (key !== 'readStream') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<SqliteEventStore['readStream']>) => {
          const events = await target.readStream(...args);
          eventsRead += events.length;
          return events;
        };
      },
    });
    await expect(handleCommand(counting, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine })).rejects.toThrow('over limit: 3 + 1');
    expect(eventsRead).toBe(0);
    // Another writer's event is still seen: the confirmation read is of the store, not the cache.
    await store.append(stream, [{ type: 'Added', data: { by: -1 } , metadata }], { expectedRevision: 400n });
    await expect(handleCommand(counting, stream, { type: 'Add', by: 1 }, counter, { metadata, cache: mine })).resolves.toMatchObject({ newState: 3, nextExpectedRevision: 402n });
    expect(eventsRead).toBe(1);
  });
});
