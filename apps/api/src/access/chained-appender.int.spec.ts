import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, verifyAll, type EventStore } from '@liaison/event-store';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { startEsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { ChainedAppender } from './chained-appender.js';

// Access records chained per stream (ADR 21) on a store whose appends, like separate gRPC calls to
// EventStoreDB, reach it in no particular order.
let dir: string;
let store: SqliteEventStore;
const record = (n: number) => ({ id: crypto.randomUUID(), type: 'CaseDataAccessed', data: { n }, metadata: { actor: 'spec' } });

/** The store with each append delayed by a random 0-5 ms, so concurrent appends overtake each other. */
function unordered(inner: EventStore): EventStore {
  const s = Object.create(inner) as EventStore;
  s.append = async (...args) => {
    await new Promise((r) => setTimeout(r, Math.random() * 5));
    return inner.append(...args);
  };
  return s;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liaison-chained-'));
  store = SqliteEventStore.open(path.join(dir, 'events.db'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ChainedAppender', () => {
  it('given 200 concurrent records on one stream over an unordered transport, then all are appended, in one chain', async () => {
    const appender = new ChainedAppender(unordered(store));
    await Promise.all(Array.from({ length: 200 }, (_, n) => appender.append('access-SE-2026-12-06-a', record(n))));
    const events = await store.readStream('access-SE-2026-12-06-a');
    expect(events).toHaveLength(200);
    expect(new Set(events.map((e) => e.data.n)).size).toBe(200);
    expect((await verifyAll(store)).ok).toBe(true);
  });

  it('given another process appended to the stream meanwhile, then the next batch re-reads the tail and chains after it', async () => {
    const mine = new ChainedAppender(store);
    const other = new ChainedAppender(store);
    await mine.append('access-SE-2026-12-06-b', record(1));
    await other.append('access-SE-2026-12-06-b', record(2));
    await Promise.all([mine.append('access-SE-2026-12-06-b', record(3)), mine.append('access-SE-2026-12-06-b', record(4))]);
    expect((await store.readStream('access-SE-2026-12-06-b')).map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
    expect((await verifyAll(store)).ok).toBe(true);
  });

  it('given records that together exceed a server\'s maximum append size, then they go in several appends, all kept', async () => {
    const emulator = await startEsdbEmulator();
    const esdb = EsdbEventStore.fromConnectionString(emulator.connectionString);
    try {
      const appender = new ChainedAppender(esdb);
      const big = (n: number) => ({ ...record(n), data: { n, caseIds: Array.from({ length: 4000 }, (_, i) => `case-${n}-${i}-${'x'.repeat(20)}`) } });
      await Promise.all(Array.from({ length: 12 }, (_, n) => appender.append('access-SE-2026-12-06-c', big(n))));
      expect(await esdb.readStream('access-SE-2026-12-06-c')).toHaveLength(12);
      expect((await verifyAll(esdb)).ok).toBe(true);
    } finally {
      await Promise.race([esdb.close(), new Promise((r) => setTimeout(r, 3000))]);
      await emulator.stop();
    }
  }, 30_000);
});
