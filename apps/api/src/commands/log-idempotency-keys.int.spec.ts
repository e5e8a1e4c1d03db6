import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, verifyAll } from '@liaison/event-store';
import { CLAIM_LEASE_MS, LogIdempotencyKeys } from './log-idempotency-keys.js';
import type { HeldKey } from './idempotency-keys.js';

// The keys replicas share on EventStoreDB (ADR 21), on any store the port offers: here the embedded one.
let dir: string;
let store: SqliteEventStore;
const t0 = new Date('2026-12-06T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const answer = { fingerprint: 'f1', status: 201, body: '{"caseId":"c1"}' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liaison-log-keys-'));
  store = SqliteEventStore.open(path.join(dir, 'events.db'));
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function hold(keys: LogIdempotencyKeys, key: string, at = t0): Promise<HeldKey> {
  const claimed = await keys.claim(key, 'f1', at);
  if (claimed.kind !== 'held') throw new Error(`expected to hold ${key}, got ${claimed.kind}`);
  return claimed.held;
}

describe('LogIdempotencyKeys', () => {
  it('given a key held by one replica, when another claims it, then it is busy until the answer, then replays it', async () => {
    const [a, b] = [new LogIdempotencyKeys(store), new LogIdempotencyKeys(store)];
    const held = await hold(a, 'officer k1');
    expect(await b.claim('officer k1', 'f1', later(10))).toEqual({ kind: 'busy', fingerprint: 'f1' });
    await a.answer(held, answer, later(20));
    expect(await b.claim('officer k1', 'f1', later(30))).toEqual({ kind: 'answered', stored: answer });
  });

  it('given the command failed and the key was released, when a retry claims it, then it runs again', async () => {
    const keys = new LogIdempotencyKeys(store);
    await keys.release(await hold(keys, 'officer k2'), later(5));
    await hold(keys, 'officer k2', later(10));
  });

  it('given a holder that died, when its lease has run out, then another replica takes the key over and the late answer loses', async () => {
    const [a, b] = [new LogIdempotencyKeys(store), new LogIdempotencyKeys(store)];
    const stale = await hold(a, 'officer k3');
    const fresh = await hold(b, 'officer k3', later(CLAIM_LEASE_MS + 1));
    await a.answer(stale, { ...answer, body: '{"late":true}' }, later(CLAIM_LEASE_MS + 2));
    await b.answer(fresh, answer, later(CLAIM_LEASE_MS + 3));
    expect(await a.claim('officer k3', 'f1', later(CLAIM_LEASE_MS + 4))).toEqual({ kind: 'answered', stored: answer });
  });

  it('given the retention window passed, then an old answer counts as absent', async () => {
    const keys = new LogIdempotencyKeys(store);
    await keys.answer(await hold(keys, 'officer k4'), answer, t0);
    await keys.prune(later(1));
    await hold(keys, 'officer k4', later(2));
  });

  it('keeps every key stream hash-chained, with the key itself only as a hash in the name', async () => {
    const report = await verifyAll(store);
    expect(report.ok).toBe(true);
    const names = new Set((await store.readAll({ maxCount: 1000 })).map((e) => e.streamId));
    expect([...names].every((n) => /^idempotency-[0-9a-f]{40}$/.test(n))).toBe(true);
  });
});
