// Answers read-model queries, and audit answers computed from the log, on a thread of their own. A
// dashboard's aggregate over tens of thousands of detentions takes tens of milliseconds of SQLite work,
// a replay of a long case as long again; on the request thread that stalled every command behind it
// (one polling dashboard cut command throughput ~12×, ADR 10).
import { parentPort, workerData } from 'node:worker_threads';
import { isQueryName, runRecordedQuery } from '../access/query-catalog.js';
import type { AuditJob } from '../audit/audit-jobs.js';
import type { AuditRequest, FromQueryWorker, QueryRequest, QueryWorkerInit } from '../runtime/worker/query-worker.protocol.js';
import { ReadModelConnections } from '../runtime/worker/read-model-connections.js';
import { toWorkerError } from '../runtime/worker/worker-error.js';

const port = parentPort;
if (!port) throw new Error('query-worker.entry must run in a worker thread');
const { config } = workerData as QueryWorkerInit;
const send = (m: FromQueryWorker) => port.postMessage(m);

const readModels = new ReadModelConnections();

// Loaded and opened on the first audit job: a thread that only answers queries never loads the
// audit code (nor Nest, which it throws with) and never touches the log.
let auditor: Promise<(job: AuditJob) => Promise<unknown>> | undefined;

async function audit(job: AuditJob): Promise<unknown> {
  auditor ??= (async () => {
    const [{ runAuditJob }, { openEventStore }, { snapshotFolderOf }] = await Promise.all([
      import('../audit/audit-jobs.js'), import('../infrastructure/event-store.provider.js'), import('../audit/snapshots/snapshot-settings.js'),
    ]);
    const store = await openEventStore(config);
    const snapshots = snapshotFolderOf(config);
    return (j: AuditJob) => runAuditJob(store, j, snapshots);
  })();
  return (await auditor)(job);
}

port.on('message', (m: QueryRequest | AuditRequest) => {
  if (m.type === 'audit') {
    // This entry is where the runtime's plain jobs meet the audit code that knows their kinds.
    audit(m.job as AuditJob).then(
      (result) => send({ type: 'done', id: m.id, result }),
      (e: unknown) => send({ type: 'error', id: m.id, error: toWorkerError(e) }),
    );
    return;
  }
  try {
    const { query } = m;
    if (!isQueryName(query)) throw new Error(`unknown query ${query}`);
    const { readAt, data } = readModels.snapshot(m.projection, m.file, (db) => runRecordedQuery(query, { db, viewer: m.viewer, now: m.now }, m.params));
    send({ type: 'answer', id: m.id, readAt: String(readAt), data });
  } catch (e) {
    send({ type: 'error', id: m.id, error: toWorkerError(e) });
  }
});
send({ type: 'ready' });
