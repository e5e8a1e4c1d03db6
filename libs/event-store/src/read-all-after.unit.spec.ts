import { describe, expect, it } from '@jest/globals';
import type { EventStore, ReadAllOptions, RecordedEvent } from './event-store.port.js';
import { readAllAfter } from './read-all-after.js';

// Positions with gaps, like EventStoreDB's byte offsets; the fake refuses any start that is not an
// event's own position, as a real server does.
const positions = [10n, 25n, 40n, 70n];
const events = positions.map((position, i) => ({ id: `e${i}`, streamId: 's', type: 't', data: {}, metadata: {}, revision: BigInt(i), position, recordedAt: '' }) as RecordedEvent);
const store = {
  async readAll({ fromPosition = 'start', maxCount = 100 }: ReadAllOptions = {}) {
    if (typeof fromPosition === 'bigint' && !positions.includes(fromPosition)) throw new Error(`invalid position ${fromPosition}`);
    const from = fromPosition === 'start' ? 0 : positions.indexOf(fromPosition as bigint);
    return events.slice(from, from + maxCount);
  },
} as unknown as EventStore;

describe('readAllAfter', () => {
  it('pages strictly after a position without ever asking for position + 1', async () => {
    expect((await readAllAfter(store, undefined, 2)).map((e) => e.position)).toEqual([10n, 25n]);
    expect((await readAllAfter(store, 25n, 2)).map((e) => e.position)).toEqual([40n, 70n]);
    expect((await readAllAfter(store, 40n, 2)).map((e) => e.position)).toEqual([70n]);
    expect(await readAllAfter(store, 70n, 2)).toEqual([]);
  });
});
