// The shared EventStore contract against EsdbEventStore: always on the in-process protocol
// emulator (the real @eventstore/db-client over gRPC), and on a real server when one is given.
import { describe } from '@jest/globals';
import { runEventStoreConformance, type StoreFactory } from '../conformance/event-store.conformance.js';
import { startEsdbEmulator } from '../../../../test/support/esdb-emulator/esdb-emulator.js';
import { EsdbEventStore } from './esdb-event-store.js';

const withTimeout = (work: Promise<unknown>, ms: number): Promise<void> =>
  Promise.race([work.then(() => undefined), new Promise<void>((r) => setTimeout(r, ms).unref())]);

const onEmulator: StoreFactory = async () => {
  const emulator = await startEsdbEmulator();
  const store = EsdbEventStore.fromConnectionString(emulator.connectionString);
  return {
    store,
    dispose: async () => {
      await withTimeout(store.close(), 5_000);
      await withTimeout(emulator.stop(), 5_000);
    },
  };
};

runEventStoreConformance('esdb (emulator)', onEmulator);

const realServer = process.env.ESDB_CONNECTION_STRING;
if (realServer) {
  runEventStoreConformance('esdb (real server)', async () => {
    const store = EsdbEventStore.fromConnectionString(realServer);
    return { store, dispose: () => withTimeout(store.close(), 5_000) };
  });
} else {
  describe.skip('esdb (real server: set ESDB_CONNECTION_STRING)', () => undefined);
}
