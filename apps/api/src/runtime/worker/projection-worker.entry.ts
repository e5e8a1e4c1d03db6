// Runs the projection loop on its own thread, so applying events to read models never competes with
// the request path for the main event loop. The store's commit signal wakes it after each commit.
import { parentPort, workerData } from 'node:worker_threads';
import { followCommits } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import { openEventStore } from '../../infrastructure/event-store.provider.js';
import type { FromWorker, ToWorker, WorkerInit } from './projection-worker.protocol.js';
import { lowerThreadPriority, projectionNiceness } from './thread-priority.js';

const port = parentPort;
if (!port) throw new Error('projection-worker.entry must run in a worker thread');
const { config, dir, projections, commitSignal, fallbackPollMs } = workerData as WorkerInit;
const send = (m: FromWorker) => port.postMessage(m);

try {
  lowerThreadPriority(projectionNiceness());
  const store = await openEventStore(config);
  // SQLite: this thread has its own connection, which never commits, so its commit hint is silent;
  // the committing thread's signal wakes it. EventStoreDB: a subscription wakes it.
  const runner: ProjectionRunner = new ProjectionRunner({
    store,
    dir,
    projections: ALL_PROJECTIONS.filter((p) => projections.includes(p.name)),
    wake: config.eventStore === 'sqlite' ? 'external' : 'store',
    fallbackPollMs: fallbackPollMs ?? 250,
    onProgress: () => send(progress(runner)),
  });
  runner.start();
  const unfollow = commitSignal ? followCommits(commitSignal, () => runner.wakeNow()) : () => undefined;
  send(progress(runner));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'wake') runner.wakeNow();
    else if (m.type === 'stop') {
      unfollow();
      void runner.stop().then(() => store.close()).then(() => send({ type: 'stopped' }));
    }
  });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}

function progress(runner: ProjectionRunner): FromWorker {
  const status = runner.status();
  return {
    type: 'progress',
    checkpoints: Object.fromEntries(status.map((s) => [s.name, s.checkpoint.toString()])),
    files: runner.activeFiles(),
    errors: Object.fromEntries(status.filter((s) => s.error).map((s) => [s.name, s.error as string])),
    stalled: Object.fromEntries(status.filter((s) => s.stalled).map((s) => [s.name, s.stalled as string])),
    readFault: runner.readFault?.code ?? null,
    recovering: status.filter((s) => s.recovering).map((s) => s.name),
    rebuilding: Object.fromEntries(status.filter((s) => s.rebuilding).map((s) => [s.name, { version: s.rebuilding!.version, checkpoint: s.rebuilding!.checkpoint.toString() }])),
    versions: Object.fromEntries(status.map((s) => [s.name, s.version])),
    caughtUpAt: runner.caughtUpAt ?? null,
  };
}
