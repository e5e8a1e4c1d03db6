// An emulator and an EsdbEventStore on it for one describe block (or file): started before its specs,
// both closed after, each close bounded because the client's dispose can hang (esdb-protocol-notes.md).
import { afterAll, beforeAll } from '@jest/globals';
import { EsdbEventStore } from '../../../libs/event-store/src/esdb/esdb-event-store.js';
import { startEsdbEmulator, type EsdbEmulator, type EsdbEmulatorOptions } from './esdb-emulator.js';

export interface EmulatedStore {
  emulator: EsdbEmulator;
  store: EsdbEventStore;
}

const bounded = (work: Promise<unknown>) => Promise.race([work.catch(() => undefined), new Promise((r) => setTimeout(r, 3000).unref())]);

/** Filled in by the time the specs run. */
export function useEmulatedStore(options: EsdbEmulatorOptions = {}): EmulatedStore {
  const fixture = {} as EmulatedStore;
  beforeAll(async () => {
    fixture.emulator = await startEsdbEmulator(options);
    fixture.store = EsdbEventStore.fromConnectionString(fixture.emulator.connectionString);
  });
  afterAll(async () => {
    if (fixture.store) await bounded(fixture.store.close());
    if (fixture.emulator) await bounded(fixture.emulator.stop());
  });
  return fixture;
}
