import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '@liaison/event-store';
import type { AppConfig } from '../config/app.config.js';
import { openKeyStore } from './key-store.provider.js';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The embedded store is the default so a fresh machine needs no server; EventStoreDB is opt-in. */
/**
 * `serving`: the service's own store, whose writer thread (if any) starts now so a broken one stops
 * start-up, and whose erasures are reconciled with the key store before anything is read (ADR 19).
 * Every process (service, projection and query threads, CLIs) gets the same decrypting store.
 */
export async function openEventStore(config: AppConfig, { serving = false } = {}): Promise<EventStore> {
  const [{ PrivateEventStore }, { PERSONAL_DATA_POLICY }] = await Promise.all([import('@liaison/event-store'), import('@liaison/domain')]);
  const raw = await openRawEventStore(config, serving);
  const keys = await openKeyStore(config, () => embeddedLogHoldsCiphertext(config));
  const store = new PrivateEventStore(raw, {
    policy: PERSONAL_DATA_POLICY,
    keys,
    sealing: config.personalDataEncryption !== false,
    // Subject ids are opaque ids (never a name): safe to log.
    onDestroyFailed: (subject, error) => console.error(`key destruction for ${subject} failed (${(error as Error).name}); it is retried at the next start`),
  });
  if (serving) await store.reconcileErasures();
  return store;
}

async function openRawEventStore(config: AppConfig, serving: boolean): Promise<EventStore> {
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

/**
 * Asked only when the key store file is absent: does the log already hold encrypted values? Then an
 * empty key store would silently turn every personal value into "unavailable", so start-up refuses.
 * A full scan, but only in that rare case. EventStoreDB logs cannot be scanned cheaply here: the
 * operator's runbook (README) covers restoring keys.db before starting against an existing cluster.
 */
function embeddedLogHoldsCiphertext(config: AppConfig): boolean {
  if (config.eventStore !== 'sqlite') return false;
  const file = path.join(config.dataDir, 'events.db');
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT 1 FROM events WHERE data LIKE '%"$enc":"v%' LIMIT 1`).get() !== undefined;
  } finally {
    db.close();
  }
}
