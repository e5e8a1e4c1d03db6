// Connections to EventStoreDB dropped with an append in flight (the emulator destroys every HTTP/2
// session, as a dying node or a network cut does), before or after the write reached the log. The
// client dials again on the next call; the adapter sends the append again with the same event ids,
// which the server answers as already committed when the first one got through: exactly once either
// way. A server that stays out of reach is a StorageUnavailable (503 with Retry-After), not a hang.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { useEmulatedStore } from '../../../../test/support/esdb-emulator/emulated-store.js';
import { StorageUnavailable } from '../storage-faults.js';
import type { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };
const event = (n = 0) => ({ id: randomUUID(), type: 'Tested', data: { n }, metadata: meta });

describe.each([true, false])('EsdbEventStore with connections dropped mid-append (BatchAppend %s)', (batchAppend) => {
  const emulated = useEmulatedStore({ batchAppend });
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  beforeAll(() => void ({ emulator, store } = emulated));

  it.each([
    ['after the write (the acknowledgement is lost)', true],
    ['before the write', false],
  ])('appends exactly once when the connection drops %s', async (_, afterWrite) => {
    const stream = `drop-${randomUUID()}`;
    await store.append(stream, [event()], { expectedRevision: 'no_stream' });
    const before = emulator.faultCounts().dropped;
    emulator.dropConnectionsOnAppend(1, { afterWrite });
    const batch = [event(1), event(2)];
    await expect(store.append(stream, batch, { expectedRevision: 0n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    expect(emulator.faultCounts().dropped).toBe(before + 1);
    // And with expected revision 'any', where the server looks the ids up instead of at a revision.
    emulator.dropConnectionsOnAppend(1, { afterWrite });
    const more = [event(3)];
    await store.append(stream, more, { expectedRevision: 'any' });
    expect(emulator.faultCounts().dropped).toBe(before + 2);
    const ids = (await store.readStream(stream)).map((e) => e.id);
    expect(ids.slice(1)).toEqual([...batch, ...more].map((e) => e.id));
    expect(store.lastWriteFault()).toBeUndefined();
  });

  it('fails with StorageUnavailable once the connection keeps dropping, and recovers when it stops', async () => {
    const stream = `drops-${randomUUID()}`;
    await store.append(stream, [event()], { expectedRevision: 'no_stream' });
    emulator.dropConnectionsOnAppend(100, { afterWrite: true });
    const started = Date.now();
    const failed = store.append(stream, [event(1)], { expectedRevision: 0n });
    await expect(failed).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(failed).rejects.toMatchObject({ code: 'esdb:cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000);
    emulator.dropConnectionsOnAppend(0, { afterWrite: true });
    // Written on the first try (only its answers were lost), never twice however often it was sent.
    expect(await store.readStream(stream)).toHaveLength(2);
    await expect(store.append(stream, [event(2)], { expectedRevision: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
  });

  it('sends an append again after an UNAVAILABLE answer (a node not ready), and reads survive a dropped connection', async () => {
    const stream = `unavailable-${randomUUID()}`;
    emulator.answerAppendsUnavailable(1);
    const unavailable = emulator.faultCounts().unavailable;
    await store.append(stream, [event()], { expectedRevision: 'no_stream' });
    expect(emulator.faultCounts().unavailable).toBe(unavailable + 1);
    emulator.dropConnections();
    expect(await store.readStream(stream)).toHaveLength(1);
    emulator.dropConnections();
    expect(await store.headPosition()).toBeGreaterThan(0n);
  });
});
