import { join } from 'node:path';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { PrivateEventStore, SqliteEventStore, SqliteKeyStore, type EventStore } from '@liaison/event-store';

/**
 * A stopped service's log as the service reads it: personal values opened with its keys.db (ADR 19).
 * Specs that rebuild read models from the file must read through this, as a projection thread does;
 * the raw adapter would hand them envelopes.
 */
export function openDataDirStore(dataDir: string): EventStore {
  return new PrivateEventStore(SqliteEventStore.open(join(dataDir, 'events.db')), {
    policy: PERSONAL_DATA_POLICY,
    keys: SqliteKeyStore.open(join(dataDir, 'keys.db'), { mustExist: true }),
  });
}
