// The event stores an e2e spec runs the built service on, each with a way to read the head of $all
// from outside the service (to prove a refused request recorded nothing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { startEsdbEmulator } from '../../support/esdb-emulator/esdb-emulator.js';

export interface RunningStore {
  /** Environment for the service process (EVENT_STORE and its connection). */
  env: Record<string, string>;
  /** Global position of the last non-system event in $all, -1n when empty. */
  head(): Promise<bigint>;
  stop(): Promise<void>;
}

export interface StoreTarget {
  name: string;
  /** True for a server that outlives the run and may hold other runs' data. */
  shared: boolean;
  start(dataDir: string): Promise<RunningStore>;
}

const sqlite: StoreTarget = {
  name: 'embedded SQLite store',
  shared: false,
  start: async (dataDir) => ({
    env: { EVENT_STORE: 'sqlite' },
    // A second, read-only connection: WAL lets it read beside the service's writer.
    head: async () => {
      const file = join(dataDir, 'events.db');
      if (!existsSync(file)) return -1n;
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return BigInt((db.prepare('SELECT ifnull(max(global_position), -1) FROM events').pluck().get() as number | bigint));
      } finally {
        db.close();
      }
    },
    stop: async () => undefined,
  }),
};

/** Through the real client, as the service itself reads it (system events skipped). */
function esdbHead(connectionString: string): () => Promise<bigint> {
  return async () => {
    const store = EsdbEventStore.fromConnectionString(connectionString);
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };
}

const emulated: StoreTarget = {
  name: 'EventStoreDB (in-process protocol emulator)',
  shared: false,
  start: async () => {
    const emulator = await startEsdbEmulator();
    return {
      env: { EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: emulator.connectionString },
      head: esdbHead(emulator.connectionString),
      stop: () => emulator.stop(),
    };
  },
};

function realServer(connectionString: string): StoreTarget {
  return {
    name: 'EventStoreDB (ESDB_CONNECTION_STRING)',
    shared: true,
    start: async () => ({
      env: { EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: connectionString },
      head: esdbHead(connectionString),
      stop: async () => undefined,
    }),
  };
}

/** Always the embedded store and the emulator; a real server too when one is configured. */
export function storeTargets(env: NodeJS.ProcessEnv = process.env): StoreTarget[] {
  const real = env.ESDB_CONNECTION_STRING;
  return [sqlite, emulated, ...(real ? [realServer(real)] : [])];
}
