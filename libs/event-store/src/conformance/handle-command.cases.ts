import { describe, expect, it } from '@jest/globals';
import { handleCommand, type Decider } from '../handle-command.js';
import { WrongExpectedVersion } from '../event-store.errors.js';
import { ev, metadata, RacingStore, streamId, type GetStore } from './conformance-fixtures.js';

type Command = { type: 'add'; by: number } | { type: 'noop' };
type Added = { type: 'Added'; data: { by: number } };

export const counter: Decider<Command, number, Added> = {
  initialState: () => 0,
  evolve: (state, e) => state + e.data.by,
  decide: (command) => (command.type === 'noop' ? [] : [{ type: 'Added', data: { by: command.by } }]),
};

export function handleCommandCases(getStore: GetStore): void {
  describe('handleCommand', () => {
    it('reads, folds, decides and appends', async () => {
      const store = getStore();
      const s = streamId('counter');
      const first = await handleCommand(store, s, { type: 'add', by: 2 }, counter, { metadata });
      expect(first).toMatchObject({ streamId: s, nextExpectedRevision: 0n, newState: 2 });
      const second = await handleCommand(store, s, { type: 'add', by: 3 }, counter, { metadata });
      expect(second).toMatchObject({ nextExpectedRevision: 1n, newState: 5, events: [{ type: 'Added', data: { by: 3 } }] });
      expect(second.position).toBe((await store.readStream(s))[1].position);
      const events = await store.readStream(s);
      expect(events.map((e) => e.data.by)).toEqual([2, 3]);
      expect(events[1].metadata).toEqual(metadata);
    });

    it('appends nothing when the decider decides nothing', async () => {
      const store = getStore();
      const s = streamId('counter');
      await handleCommand(store, s, { type: 'add', by: 1 }, counter, { metadata });
      const result = await handleCommand(store, s, { type: 'noop' }, counter, { metadata });
      expect(result).toMatchObject({ nextExpectedRevision: 0n, position: undefined, newState: 1, events: [] });
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('retries after losing a race, deciding again on the fresh state', async () => {
      const inner = getStore();
      const s = streamId('counter');
      await inner.append(s, [ev('Added', { by: 1 })]);
      const racing = new RacingStore(inner, async (call) => {
        if (call === 1) await inner.append(s, [ev('Added', { by: 10 })]);
      });
      const result = await handleCommand(racing, s, { type: 'add', by: 5 }, counter, { metadata });
      expect(racing.appendCalls).toBe(2);
      expect(result).toMatchObject({ nextExpectedRevision: 2n, newState: 16 });
      expect((await inner.readStream(s)).map((e) => e.data.by)).toEqual([1, 10, 5]);
    });

    it('gives up with WrongExpectedVersion once retries are exhausted', async () => {
      const inner = getStore();
      const s = streamId('counter');
      const racing = new RacingStore(inner, async () => {
        await inner.append(s, [ev('Added', { by: 100 })]);
      });
      const attempt = handleCommand(racing, s, { type: 'add', by: 1 }, counter, { metadata, retries: 2 });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(racing.appendCalls).toBe(3);
      expect((await inner.readStream(s)).map((e) => e.data.by)).toEqual([100, 100, 100]);
    });

    it('a pinned revision conflicts instead of retrying', async () => {
      const inner = getStore();
      const s = streamId('counter');
      await inner.append(s, [ev('Added', { by: 1 }), ev('Added', { by: 1 })]);
      const stale = handleCommand(inner, s, { type: 'add', by: 1 }, counter, { metadata, expectedRevision: 0n });
      await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedVersion', expected: 0n, actual: 1n });

      const racing = new RacingStore(inner, async () => {
        await inner.append(s, [ev('Added', { by: 7 })]);
      });
      const raced = handleCommand(racing, s, { type: 'add', by: 1 }, counter, { metadata, expectedRevision: 1n });
      await expect(raced).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(racing.appendCalls).toBe(1);

      const ok = await handleCommand(inner, s, { type: 'add', by: 2 }, counter, { metadata, expectedRevision: 2n });
      expect(ok).toMatchObject({ nextExpectedRevision: 3n, newState: 11 });
    });
  });
}
