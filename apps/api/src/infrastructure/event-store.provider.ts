import fs from 'node:fs';
import path from 'node:path';
import type { EventStore } from '@liaison/event-store';
import type { AppConfig } from '../config/app.config.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The embedded store is the default so a fresh machine needs no server; EventStoreDB is opt-in. */
/** `serving`: the service's own store, whose writer thread (if any) starts now so a broken one stops start-up. */
export async function openEventStore(config: AppConfig, { serving = false } = {}): Promise<EventStore> {
  if (config.eventStore === 'esdb') {
    // Loaded lazily so the gRPC client is not pulled into embedded-store processes.
    const { EsdbEventStore } = await import('@liaison/event-store/esdb');
    return EsdbEventStore.fromConnectionString(config.esdbConnectionString as string);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const { SqliteEventStore } = await import('@liaison/event-store');
  const store = SqliteEventStore.open(path.join(config.dataDir, 'events.db'), { writer: config.storeWriter ?? 'inline' });
  if (serving) await store.writerSettings();
  return store;
}
