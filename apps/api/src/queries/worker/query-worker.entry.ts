// Answers read-model queries on their own thread. A dashboard's aggregate over tens of thousands of
// detentions takes tens of milliseconds of SQLite work; on the request thread that stalled every
// command behind it (one polling dashboard cut command throughput ~12×, bench/ in ADR 10).
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { InvalidCursor } from '@liaison/projections';
import { isQueryName, runRecordedQuery } from '../../audit/access/query-catalog.js';
import type { FromQueryWorker, QueryErrorKind, QueryRequest } from './query-worker.protocol.js';

const port = parentPort;
if (!port) throw new Error('query-worker.entry must run in a worker thread');
const send = (m: FromQueryWorker) => port.postMessage(m);

interface Connection {
  file: string;
  db: Database.Database;
  /** The checkpoint and the rows are read in one transaction, so readAt is exact. */
  read: (query: QueryRequest) => { readAt: string; data: unknown };
}
const connections = new Map<string, Connection>();

function connection(projection: string, file: string): Connection {
  const open = connections.get(projection);
  if (open && open.file === file) return open;
  open?.db.close();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const checkpoint = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').pluck(true).safeIntegers(true);
  const read = db.transaction((q: QueryRequest) => {
    if (!isQueryName(q.query)) throw new Error(`unknown query ${q.query}`);
    const readAt = String(checkpoint.get() as bigint);
    return { readAt, data: runRecordedQuery(q.query, { db, viewer: q.viewer, now: q.now }, q.params) };
  });
  const c = { file, db, read };
  connections.set(projection, c);
  return c;
}

const kindOf = (e: unknown): QueryErrorKind => (e instanceof InvalidCursor ? 'InvalidCursor' : e instanceof RangeError ? 'RangeError' : 'Error');

port.on('message', (q: QueryRequest) => {
  try {
    const { readAt, data } = connection(q.projection, q.file).read(q);
    send({ type: 'answer', id: q.id, readAt, data });
  } catch (e) {
    send({ type: 'error', id: q.id, kind: kindOf(e), message: e instanceof Error ? e.message : String(e) });
  }
});
send({ type: 'ready' });
