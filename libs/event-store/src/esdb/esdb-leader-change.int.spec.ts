// A leader election seen from the client: the node it writes to answers "not leader" and names the new
// leader (the emulator plays both). The refused append wrote nothing, so the adapter sends it once more,
// with the same event ids, over the client's new channel to the leader: the caller sees one success.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { startEsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { StorageUnavailable } from '../storage-faults.js';
import { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };
const event = () => ({ id: randomUUID(), type: 'Tested', data: {}, metadata: meta });

describe.each([true, false])('EsdbEventStore across a leader change (BatchAppend %s)', (batchAppend) => {
  it('appends once through the new leader after a "not leader" refusal; a second refusal in a row is a 503-class fault', async () => {
    const emulator = await startEsdbEmulator({ batchAppend });
    const store = EsdbEventStore.fromConnectionString(emulator.connectionString);
    try {
      const stream = `elect-${randomUUID()}`;
      await store.append(stream, [event()], { expectedRevision: 'no_stream' });
      emulator.refuseAppendsAsFollower(1);
      const second = event();
      await expect(store.append(stream, [second], { expectedRevision: 0n })).resolves.toMatchObject({ nextExpectedRevision: 1n });
      expect((await store.readStream(stream)).map((e) => e.id)).toHaveLength(2);
      expect((await store.readStream(stream))[1].id).toBe(second.id);

      emulator.refuseAppendsAsFollower(2);
      const refused = store.append(stream, [event()], { expectedRevision: 1n });
      await expect(refused).rejects.toBeInstanceOf(StorageUnavailable);
      await expect(refused).rejects.toMatchObject({ code: 'esdb:not-leader' });
      expect(await store.readStream(stream)).toHaveLength(2);
      await expect(store.append(stream, [event()], { expectedRevision: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    } finally {
      await Promise.race([store.close(), new Promise((r) => setTimeout(r, 3000))]);
      await emulator.stop();
    }
  }, 30_000);
});
