import { describe, expect, it } from '@jest/globals';
import type { EventToAppend } from '../event-store.port.js';
import { checkpoint, collect, ev, expectStrictlyIncreasing, streamId, uniq, type GetStore } from './conformance-fixtures.js';

/** Append sizes per writer: sums to 10, so 20 rounds make 200 events, mixing single and multi-event appends. */
const SIZES = [1, 1, 3, 5];

export function subscriptionCases(getStore: GetStore): void {
  describe('subscribeToAll', () => {
    it('from a checkpoint, sees every later event exactly once while writers race', async () => {
      const store = getStore();
      const prefix = `conformance-race-${uniq()}-`;
      const from = await checkpoint(store);
      // Written before subscribing, so these must come from the catch-up phase.
      const early = Array.from({ length: 50 }, (_, i) => ev('Early', { i }));
      await store.append(`${prefix}early`, early);
      let caughtUp = false;
      const sub = store.subscribeToAll({ fromPosition: from, onCaughtUp: () => (caughtUp = true) });
      const sentinel = ev('Sentinel');
      const collecting = collect(sub, (e) => e.streamId.startsWith(prefix), (kept) => kept.at(-1)?.id === sentinel.id, 50_000);

      const written: EventToAppend[][] = Array.from({ length: 5 }, () => []);
      await Promise.all(
        written.map(async (mine, w) => {
          for (let round = 0; round < 20; round++) {
            for (const [k, size] of SIZES.entries()) {
              const batch = Array.from({ length: size }, (_, i) => ev('Raced', { w, round, k, i }));
              const target = k % 2 === 0 ? `${prefix}writer-${w}` : `${prefix}shared`;
              await store.append(target, batch, { expectedRevision: 'any' });
              mine.push(...batch);
            }
          }
        }),
      );
      expect(written.flat()).toHaveLength(1000);
      await store.append(`${prefix}end`, [sentinel]);

      const seen = await collecting;
      const expected = [...early, ...written.flat(), sentinel].map((e) => e.id);
      const seenIds = seen.map((e) => e.id);
      expect(new Set(seenIds).size).toBe(seenIds.length);
      expect(seenIds).toHaveLength(expected.length);
      expect([...seenIds].sort()).toEqual([...expected].sort());
      expect(seen.every((e) => e.position > from)).toBe(true);
      expectStrictlyIncreasing(seen.map((e) => e.position));
      // Per stream, delivery follows revision order with no gaps.
      const byStream = new Map<string, bigint[]>();
      for (const e of seen) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
      for (const revs of byStream.values()) expect(revs).toEqual(revs.map((_, i) => BigInt(i)));
      expect(caughtUp).toBe(true);
    }, 60_000);

    it('filters by event type', async () => {
      const store = getStore();
      const wanted = `Wanted${uniq()}`;
      const from = await checkpoint(store);
      const sub = store.subscribeToAll({ fromPosition: from, filter: { eventTypes: [wanted] } });
      await store.append(streamId(), [ev('Unwanted'), ev(wanted, { n: 1 }), ev('Unwanted'), ev(wanted, { n: 2 })]);
      await store.append(streamId(), [ev('Unwanted'), ev(wanted, { n: 3 })]);
      const seen = await collect(sub, () => true, (kept) => kept.some((e) => e.data.n === 3));
      expect(seen.map((e) => e.type)).toEqual([wanted, wanted, wanted]);
      expect(seen.map((e) => e.data.n)).toEqual([1, 2, 3]);
    });

    it('filters by stream prefix', async () => {
      const store = getStore();
      const prefix = `conformance-prefix-${uniq()}-`;
      const from = await checkpoint(store);
      const sub = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [prefix] } });
      await store.append(`${prefix}a`, [ev('In', { n: 1 })]);
      await store.append(streamId(), [ev('Out'), ev('Out')]);
      await store.append(`${prefix}b`, [ev('In', { n: 2 }), ev('In', { n: 3 })]);
      await store.append(streamId(), [ev('Out')]);
      await store.append(`${prefix}a`, [ev('In', { n: 4 })]);
      const seen = await collect(sub, () => true, (kept) => kept.some((e) => e.data.n === 4));
      expect(seen.map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
      expect(seen.every((e) => e.streamId.startsWith(prefix))).toBe(true);
    });

    it('close() ends a subscription that is waiting for live events', async () => {
      const store = getStore();
      const from = await checkpoint(store);
      const sub = store.subscribeToAll({ fromPosition: from, filter: { eventTypes: [`Never${uniq()}`] } });
      const iterator = sub[Symbol.asyncIterator]();
      const pending = iterator.next();
      await new Promise((r) => setTimeout(r, 50));
      await sub.close();
      await expect(pending).resolves.toEqual({ done: true, value: undefined });
    });
  });
}
