// What the shared conformance suite does not pin down for EsdbEventStore: the Append RPC path (the
// suite runs on BatchAppend, as a real server advertises it), '$' system events, checkpoints from
// filtered subscriptions, and slow subscribers. Runs on the in-process protocol emulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startEsdbEmulator, type EsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import type { EventToAppend, RecordedEvent, Subscription } from '../event-store.port.js';
import { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };
const ev = (type = 'Tested', data = {}): EventToAppend => ({ id: randomUUID(), type, data, metadata: meta });
const sid = (p = 'adapter') => `${p}-${randomUUID().slice(0, 8)}`;
const bounded = (work: Promise<unknown>, ms = 5_000) =>
  Promise.race([work.then(() => undefined), new Promise<void>((r) => setTimeout(r, ms).unref())]);

async function take(sub: Subscription, n: number, onEach?: () => Promise<void>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of sub) {
    out.push(e);
    if (onEach) await onEach();
    if (out.length >= n) break;
  }
  return out;
}

describe('EsdbEventStore on the emulator, Append path (no BatchAppend advertised)', () => {
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  beforeAll(async () => {
    emulator = await startEsdbEmulator({ batchAppend: false });
    store = EsdbEventStore.fromConnectionString(emulator.connectionString);
  });
  afterAll(async () => {
    await bounded(store.close());
    await bounded(emulator.stop());
  });

  it('appends, conflicts and replays idempotently over Append', async () => {
    const s = sid();
    const batch = [ev(), ev()];
    const first = await store.append(s, batch, { expectedRevision: 'no_stream' });
    expect(first.nextExpectedRevision).toBe(1n);
    expect(await store.append(s, batch, { expectedRevision: 'no_stream' })).toEqual(first);
    const error = await store.append(s, [ev()], { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect((error as WrongExpectedVersion).actual).toBe(1n);
    expect((await store.readStream(s)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });
});

describe('EsdbEventStore on the emulator, store behaviour', () => {
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  beforeAll(async () => {
    emulator = await startEsdbEmulator();
    store = EsdbEventStore.fromConnectionString(emulator.connectionString);
  });
  afterAll(async () => {
    await bounded(store.close());
    await bounded(emulator.stop());
  });

  it('skips $ system events in readAll, subscriptions and headPosition', async () => {
    const all = await store.readAll({ maxCount: 1000 });
    expect(all.some((e) => e.streamId.startsWith('$') || e.type.startsWith('$'))).toBe(false);
    const r = await store.append(sid(), [ev()]);
    emulator.log.append('$stats-127.0.0.1:2113', { kind: 'any' }, [
      { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data: new TextEncoder().encode('{}'), customMetadata: new Uint8Array() },
    ]);
    expect(await store.headPosition()).toBe(r.position);
    const sub = store.subscribeToAll({ fromPosition: 'start' });
    const next = await take(sub, 1);
    expect(next[0].streamId.startsWith('$')).toBe(false);
    await sub.close();
  });

  it('reports checkpoints past events a filter skips, never ahead of undelivered events', async () => {
    const from = (await store.append(sid(), [ev('Marker')])).position;
    const wanted = `Wanted${randomUUID().slice(0, 8)}`;
    const checkpoints: bigint[] = [];
    const delivered: bigint[] = [];
    const sub = store.subscribeToAll({ fromPosition: from, filter: { eventTypes: [wanted] }, onCheckpoint: (p) => void checkpoints.push(p) });
    const noise = await store.append(sid(), Array.from({ length: 100 }, () => ev('Noise')));
    const last = await store.append(sid(), [ev(wanted)]);
    for await (const e of sub) {
      // A checkpoint handed out before this event must not be at or past it.
      expect(checkpoints.every((p) => p < e.position)).toBe(true);
      delivered.push(e.position);
      break;
    }
    await sub.close();
    expect(delivered).toEqual([last.position]);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.some((p) => p > from && p <= noise.position)).toBe(true);
  });

  it('subscribes from -1n (nothing processed) and from end', async () => {
    const prefix = `adapter-ends-${randomUUID().slice(0, 8)}-`;
    const s = `${prefix}s`;
    await store.append(s, [ev('Before')]);
    const fromEnd = store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [prefix] } });
    const fromStart = store.subscribeToAll({ fromPosition: -1n, filter: { streamPrefixes: [prefix] } });
    await new Promise((r) => setTimeout(r, 50));
    await store.append(s, [ev('After')]);
    expect((await take(fromEnd, 1)).map((e) => e.type)).toEqual(['After']);
    expect((await take(fromStart, 2)).map((e) => e.type)).toEqual(['Before', 'After']);
  });

  it('a slow subscriber still receives a large backlog in order', async () => {
    const prefix = `adapter-slow-${randomUUID().slice(0, 8)}-`;
    const from = (await store.append(sid(), [ev('Marker')])).position;
    for (let i = 0; i < 20; i++) await store.append(`${prefix}${i % 3}`, Array.from({ length: 100 }, (_, k) => ev('Bulk', { n: i * 100 + k, pad: 'x'.repeat(512) })));
    const sub = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [prefix] } });
    let pulled = 0;
    const got = await take(sub, 2000, async () => {
      if (++pulled % 250 === 0) await new Promise((r) => setTimeout(r, 20));
    });
    expect(got.map((e) => e.data.n)).toEqual(Array.from({ length: 2000 }, (_, n) => n));

    // readAll pages (500 per call) without losing or repeating events at page edges.
    const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.data.n);
    const forwards = await store.readAll({ fromPosition: got[0].position, maxCount: 1500 });
    expect(ours(forwards)).toEqual(Array.from({ length: 1500 }, (_, n) => n));
    const backwards = await store.readAll({ direction: 'backwards', fromPosition: got[1999].position, maxCount: 1200 });
    expect(ours(backwards)).toEqual(Array.from({ length: 1200 }, (_, n) => 1999 - n));
  });
});
