// Answers read-model queries, and audit answers computed from the log, on a thread of their own. A
// dashboard's aggregate over tens of thousands of detentions takes tens of milliseconds of SQLite work,
// a replay of a long case as long again; on the request thread that stalled every command behind it
// (one polling dashboard cut command throughput ~12×, ADR 10).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { EventStore } from '@liaison/event-store';
import { isQueryName, runRecordedQuery } from '../../audit/access/query-catalog.js';
import { runAuditJob, type AuditJob } from '../../audit/audit-jobs.js';
import { openEventStore } from '../../infrastructure/event-store.provider.js';
import type { AuditRequest, FromQueryWorker, QueryRequest, QueryWorkerInit } from './query-worker.protocol.js';
import { toWorkerError } from './worker-error.js';

const port = parentPort;
if (!port) throw new Error('query-worker.entry must run in a worker thread');
const { config } = workerData as QueryWorkerInit;
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

// Opened on the first audit job: a thread that only answers queries never touches the log.
let store: Promise<EventStore> | undefined;

async function audit(job: AuditJob): Promise<unknown> {
  store ??= openEventStore(config);
  return runAuditJob(await store, job);
}

port.on('message', (m: QueryRequest | AuditRequest) => {
  if (m.type === 'audit') {
    audit(m.job).then(
      (result) => send({ type: 'done', id: m.id, result }),
      (e: unknown) => send({ type: 'error', id: m.id, error: toWorkerError(e) }),
    );
    return;
  }
  try {
    const { readAt, data } = connection(m.projection, m.file).read(m);
    send({ type: 'answer', id: m.id, readAt, data });
  } catch (e) {
    send({ type: 'error', id: m.id, error: toWorkerError(e) });
  }
});
send({ type: 'ready' });
