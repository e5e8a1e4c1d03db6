// Takes read-model snapshots (ADR 28) on a thread of its own, at the lowest priority (SNAPSHOT_NICE, default 19), below
// the projection threads too: folding the log for a snapshot is the same work as a projection's, and
// must never hold up a command, a query or a read model; under load it waits for idle cores. The
// thread lives for one run and exits, so its memory (one read model at a time) is given back.
import { parentPort, workerData } from 'node:worker_threads';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { openEventStore } from '../infrastructure/event-store.provider.js';
import { lowerThreadPriority } from '../runtime/worker/thread-priority.js';
import { SnapshotFolder } from '../audit/snapshots/snapshot-folder.js';
import { takeSnapshots } from '../audit/snapshots/take-snapshots.js';
import { snapshotNiceness, type SnapshotWorkerInit } from '../audit/snapshots/snapshot-settings.js';

const port = parentPort;
if (!port) throw new Error('snapshot-worker.entry must run in a worker thread');
const { config, root, policy } = workerData as SnapshotWorkerInit;

lowerThreadPriority(snapshotNiceness());
const store = await openEventStore(config);
try {
  port.postMessage(await takeSnapshots(store, new SnapshotFolder(root), ALL_PROJECTIONS, policy));
} finally {
  await store.close();
}
