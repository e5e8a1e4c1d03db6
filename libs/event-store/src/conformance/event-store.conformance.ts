import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../event-store.port.js';
import { appendCases } from './append.cases.js';
import type { StoreFactory } from './conformance-fixtures.js';
import { handleCommandCases } from './handle-command.cases.js';
import { readCases } from './read.cases.js';
import { subscriptionCases } from './subscription.cases.js';

export type { StoreFactory } from './conformance-fixtures.js';

/**
 * The contract every EventStore adapter must pass. Adapter-neutral on purpose: one store is
 * shared by all cases, never assumed empty, and positions are only assumed to strictly increase.
 */
export function runEventStoreConformance(name: string, factory: StoreFactory): void {
  describe(`EventStore conformance: ${name}`, () => {
    let store: EventStore | undefined;
    let dispose: (() => Promise<void>) | undefined;
    const getStore = (): EventStore => {
      if (!store) throw new Error('conformance store not created (did the factory fail?)');
      return store;
    };

    beforeAll(async () => {
      ({ store, dispose } = await factory());
    });

    afterAll(async () => {
      await dispose?.();
    });

    appendCases(getStore);
    readCases(getStore);
    subscriptionCases(getStore);
    handleCommandCases(getStore);
  });
}
