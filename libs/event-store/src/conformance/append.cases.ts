import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ExpectedRevision } from '../event-store.port.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { ev, streamId, type GetStore } from './conformance-fixtures.js';

export async function expectConflict(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  const wev = error as WrongExpectedVersion;
  expect(wev.streamId).toBe(stream);
  expect(wev.expected).toBe(expected);
  expect(wev.actual).toBe(actual);
}

export function appendCases(getStore: GetStore): void {
  describe('append', () => {
    it('no_stream creates a stream and conflicts once it exists', async () => {
      const store = getStore();
      const s = streamId();
      const first = await store.append(s, [ev(), ev(), ev()], { expectedRevision: 'no_stream' });
      expect(first.nextExpectedRevision).toBe(2n);
      await expectConflict(store.append(s, [ev()], { expectedRevision: 'no_stream' }), s, 'no_stream', 2n);
    });

    it('stream_exists conflicts on a missing stream and succeeds on an existing one', async () => {
      const store = getStore();
      const s = streamId();
      await expectConflict(store.append(s, [ev()], { expectedRevision: 'stream_exists' }), s, 'stream_exists', undefined);
      await store.append(s, [ev()]);
      const r = await store.append(s, [ev()], { expectedRevision: 'stream_exists' });
      expect(r.nextExpectedRevision).toBe(1n);
    });

    it('an exact revision must equal the last revision', async () => {
      const store = getStore();
      const s = streamId();
      await expectConflict(store.append(s, [ev()], { expectedRevision: 0n }), s, 0n, undefined);
      await store.append(s, [ev(), ev()], { expectedRevision: 'no_stream' });
      await expectConflict(store.append(s, [ev()], { expectedRevision: 0n }), s, 0n, 1n);
      await expectConflict(store.append(s, [ev()], { expectedRevision: 5n }), s, 5n, 1n);
      const r = await store.append(s, [ev()], { expectedRevision: 1n });
      expect(r.nextExpectedRevision).toBe(2n);
    });

    it('any (and no option) never conflicts', async () => {
      const store = getStore();
      const s = streamId();
      expect((await store.append(s, [ev()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
      expect((await store.append(s, [ev()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
      expect((await store.append(s, [ev()])).nextExpectedRevision).toBe(2n);
    });

    it('returns the position of the last appended event', async () => {
      const store = getStore();
      const s = streamId();
      const r = await store.append(s, [ev(), ev()]);
      const events = await store.readStream(s);
      expect(r.position).toBe(events[1].position);
      expect(events[0].position < events[1].position).toBe(true);
    });

    it('a conflicting multi-event append leaves nothing behind', async () => {
      const store = getStore();
      const s = streamId();
      await store.append(s, [ev('First')]);
      const batch = [ev('A'), ev('B'), ev('C')];
      await expectConflict(store.append(s, batch, { expectedRevision: 3n }), s, 3n, 0n);
      const events = await store.readStream(s);
      expect(events.map((e) => e.type)).toEqual(['First']);
      const fresh = streamId();
      await expectConflict(store.append(fresh, batch, { expectedRevision: 'stream_exists' }), fresh, 'stream_exists', undefined);
      await expect(store.readStream(fresh)).rejects.toThrow();
    });

    it('re-appending the same event ids is idempotent', async () => {
      const store = getStore();
      const s = streamId();
      const [id1, id2, id3, id4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const original = await store.append(s, [ev('A', {}, id1), ev('B', {}, id2)], { expectedRevision: 'no_stream' });
      const again = await store.append(s, [ev('A', {}, id1), ev('B', {}, id2)], { expectedRevision: 'no_stream' });
      expect(again).toEqual(original);
      expect(await store.append(s, [ev('A', {}, id1), ev('B', {}, id2)], { expectedRevision: 'any' })).toEqual(original);

      const third = await store.append(s, [ev('C', {}, id3)], { expectedRevision: 1n });
      expect(await store.append(s, [ev('C', {}, id3)], { expectedRevision: 1n })).toEqual(third);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual([id1, id2, id3]);

      // Only part of the batch was written before: that is a conflict, not a replay.
      await expectConflict(store.append(s, [ev('B', {}, id2), ev('D', {}, id4)], { expectedRevision: 0n }), s, 0n, 2n);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual([id1, id2, id3]);
    });
  });
}
