// EventStoreDB out of reach, through the real client: appends and reads fail as StorageUnavailable
// (503 STORE_UNAVAILABLE at the HTTP layer), and the store remembers the write fault for readiness.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startEsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { StorageUnavailable } from '../storage-faults.js';
import { EsdbEventStore } from './esdb-event-store.js';

const meta = { actor: 'a', country: 'SE', correlationId: 'c', causationId: 'c', occurredAt: '2024-01-01T00:00:00.000Z' };

describe('EsdbEventStore with the server gone', () => {
  it('fails appends and reads with StorageUnavailable', async () => {
    const emulator = await startEsdbEmulator();
    const store = EsdbEventStore.fromConnectionString(emulator.connectionString);
    await store.append(`up-${randomUUID()}`, [{ type: 'Tested', data: {}, metadata: meta }]);
    expect(store.lastWriteFault()).toBeUndefined();
    await emulator.stop();

    const append = store.append(`down-${randomUUID()}`, [{ type: 'Tested', data: {}, metadata: meta }]);
    await expect(append).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(append).rejects.toMatchObject({ code: expect.stringMatching(/^esdb:/) });
    expect(store.lastWriteFault()?.fault).toBeInstanceOf(StorageUnavailable);
    // Later calls, once the client knows the connection is gone, too.
    await expect(store.append(`down-${randomUUID()}`, [{ type: 'Tested', data: {}, metadata: meta }])).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(store.ping()).rejects.toBeInstanceOf(StorageUnavailable);
    await store.close();
  }, 30_000);
});
