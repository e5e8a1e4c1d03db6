// The key store's creation thread (SqliteKeyStore with `creations: 'thread'`): new subjects' keys are
// committed here, so the service's event loop never waits for keys.db's fsync (as the event log's
// writer thread does for events.db, ADR 7). A reply is posted only after COMMIT returned: a key is
// durable before the event encrypted under it is even chained.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeError } from '../sqlite/sqlite-writer.protocol.js';
import { commitCreations } from './key-creation.js';
import { openKeyDatabase, prepareKeyStatements, type StoredRow } from './sqlite-key-schema.js';

export type ToKeyWriter = { type: 'create'; id: number; fresh: [string, Uint8Array][]; now: string } | { type: 'close' };
export type FromKeyWriter =
  | { type: 'created'; id: number; rows: [string, StoredRow][] }
  | { type: 'failed'; id: number; error: ReturnType<typeof encodeError> };

const port = parentPort;
if (!port) throw new Error('key-writer.worker must run in a worker thread');
const db = openKeyDatabase((workerData as { file: string }).file);
const st = prepareKeyStatements(db);
port.on('message', (m: ToKeyWriter) => {
  if (m.type === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const rows = commitCreations(db, st, new Map(m.fresh.map(([s, k]) => [s, Buffer.from(k)])), m.now);
    port.postMessage({ type: 'created', id: m.id, rows: [...rows] } satisfies FromKeyWriter);
  } catch (e) {
    port.postMessage({ type: 'failed', id: m.id, error: encodeError(e) } satisfies FromKeyWriter);
  }
});
