import { describe, expect, it } from '@jest/globals';
import { StreamNotFound } from '../event-store.errors.js';
import type { RecordedEvent } from '../event-store.port.js';
import { ev, expectStrictlyIncreasing, metadata, streamId, type GetStore } from './conformance-fixtures.js';

const revisions = (events: RecordedEvent[]): bigint[] => events.map((e) => e.revision);

export function readCases(getStore: GetStore): void {
  describe('readStream', () => {
    it('round-trips every field, in revision order', async () => {
      const store = getStore();
      const s = streamId();
      const data = { nested: { list: [1, 'two', null, true, 2.5] }, text: 'Ærø – 🚓' };
      const written = [ev('Opened', data), ev('Noted', { i: 1 }), ev('Closed', {})];
      await store.append(s, written);
      const events = await store.readStream(s);
      expect(events.map((e) => e.id)).toEqual(written.map((e) => e.id));
      expect(events.map((e) => e.type)).toEqual(['Opened', 'Noted', 'Closed']);
      expect(events[0].data).toEqual(data);
      expect(events[0].metadata).toEqual(metadata);
      expect(events.every((e) => e.streamId === s)).toBe(true);
      expect(revisions(events)).toEqual([0n, 1n, 2n]);
      expectStrictlyIncreasing(events.map((e) => e.position));
      expect(Number.isNaN(Date.parse(events[0].recordedAt))).toBe(false);
    });

    it('reads backwards, from a revision, and limited by maxCount', async () => {
      const store = getStore();
      const s = streamId();
      await store.append(s, [0, 1, 2, 3, 4].map((i) => ev('Counted', { i })));
      expect(revisions(await store.readStream(s, { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(revisions(await store.readStream(s, { fromRevision: 2n }))).toEqual([2n, 3n, 4n]);
      expect(revisions(await store.readStream(s, { direction: 'backwards', fromRevision: 2n }))).toEqual([2n, 1n, 0n]);
      expect(revisions(await store.readStream(s, { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
      expect(revisions(await store.readStream(s, { direction: 'backwards', maxCount: 2 }))).toEqual([4n, 3n]);
      expect(revisions(await store.readStream(s, { direction: 'backwards', fromRevision: 'end', maxCount: 1 }))).toEqual([4n]);
      expect(await store.readStream(s, { fromRevision: 10n })).toEqual([]);
    });

    it('throws StreamNotFound for a stream without events', async () => {
      const s = streamId();
      const error = await getStore().readStream(s).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(StreamNotFound);
      expect((error as StreamNotFound).streamId).toBe(s);
    });
  });

  describe('readAll', () => {
    it('returns $all in strictly increasing position order, forwards and backwards', async () => {
      const store = getStore();
      const [a, b] = [streamId(), streamId()];
      const written = [ev('A0'), ev('A1'), ev('B0'), ev('A2')];
      await store.append(a, written.slice(0, 2));
      await store.append(b, [written[2]]);
      const last = await store.append(a, [written[3]]);
      const first = (await store.readStream(a))[0].position;
      const ours = (events: RecordedEvent[]): string[] =>
        events.filter((e) => e.streamId === a || e.streamId === b).map((e) => e.id);

      const forwards = await store.readAll({ fromPosition: first, maxCount: 1000 });
      expect(forwards[0].position).toBe(first);
      expectStrictlyIncreasing(forwards.map((e) => e.position));
      expect(ours(forwards)).toEqual(written.map((e) => e.id));

      const backwards = await store.readAll({ direction: 'backwards', fromPosition: last.position, maxCount: 1000 });
      expect(backwards[0].position).toBe(last.position);
      expectStrictlyIncreasing(backwards.map((e) => e.position).reverse());
      expect(ours(backwards).slice(0, 4)).toEqual(written.map((e) => e.id).reverse());

      const limited = await store.readAll({ fromPosition: first, maxCount: 2 });
      expect(limited.map((e) => e.id)).toEqual(written.slice(0, 2).map((e) => e.id));
    });

    it('reports the head position and answers ping', async () => {
      const store = getStore();
      const r = await store.append(streamId(), [ev()]);
      const head = await store.headPosition();
      expect(head >= r.position).toBe(true);
      const [latest] = await store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
      expect(latest.position).toBe(head);
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
