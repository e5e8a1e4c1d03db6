// One bench role per process, so each peak RSS belongs to one configuration: the seeding harness,
// the service shape with the runner on the main thread, or the service shape with the worker host.
// Started by projections.bench.ts with fork(); answers with one message and exits.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { PrivateEventStore, SqliteEventStore, SqliteKeyStore, type EventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import { RssSampler } from '../support/rss.js';
import type { ProjectionsBenchConfig } from './config.js';
import { measureLag, type LagResult } from './lag.js';
import { timeRawRead, timeRebuild, timeStartup, type RebuildRun, type StartupRun } from './phases.js';
import { startWorkerClient } from './worker-host.js';
import { timeHostBuild } from './phases.js';
import { seedStore } from './workload.js';
import type { ProjectionsReader } from '../../apps/api/src/runtime/worker/projections-reader.js';

export type Role = 'seed' | 'in-process' | 'worker';
export interface ChildRequest { role: Role; cfg: ProjectionsBenchConfig; dataDir: string; runnerPage: number }
export interface Memory { peakRss: number; maxRss: number; peakByPhase: Record<string, number> }
export interface SeedResult { events: number; ms: number; head: string }
export interface HostResults { startup: StartupRun[]; lag: LagResult; rebuild?: RebuildRun[] }
export interface InProcessResult extends HostResults { rawRead: { events: number; ms: number }; rebuild: RebuildRun[] }
export type ChildResult =
  | { role: 'seed'; seed: SeedResult; memory: Memory }
  | { role: 'in-process'; result: InProcessResult; memory: Memory }
  | { role: 'worker'; result: HostResults; memory: Memory };

const say = (line: string): void => void process.stderr.write(`${line}\n`);
export const storeFileIn = (dataDir: string): string => join(dataDir, 'events.db');
export const readModelsIn = (dataDir: string): string => join(dataDir, 'read-models');

async function main(req: ChildRequest): Promise<ChildResult> {
  const rss = new RssSampler(50);
  rss.start();
  // The worker host opens <dataDir>/events.db itself, like the service. A sealed log is read as the
  // service reads it: opened with its keys.db.
  const sqlite = new SqliteEventStore({ file: storeFileIn(req.dataDir) });
  const keysFile = join(req.dataDir, 'keys.db');
  const store: EventStore = req.role !== 'seed' && existsSync(keysFile)
    ? new PrivateEventStore(sqlite, { policy: PERSONAL_DATA_POLICY, keys: SqliteKeyStore.open(keysFile, { mustExist: true }) })
    : sqlite;
  try {
    if (req.role === 'seed') {
      rss.enter('seed');
      const t0 = performance.now();
      const head = await seedStore(sqlite, req.cfg.events, req.cfg.casesPerChunk, req.cfg.seedAppendsPerTick, (n) => say(`  seeded ${n.toLocaleString('en-US')}`));
      return { role: 'seed', seed: { events: req.cfg.events, ms: performance.now() - t0, head: head.toString() }, memory: rss.stop() };
    }
    const head = await store.headPosition();
    const dir = readModelsIn(req.dataDir);
    if (req.role === 'worker') {
      rss.enter('worker build');
      // From-scratch build the way the service does it: the projection groups on their worker threads.
      const rebuild: RebuildRun[] = [];
      for (let i = 0; i < req.cfg.rebuildReps; i++) {
        const r = await timeHostBuild(() => startWorkerClient(store, req.dataDir, dir), dir, head, req.cfg.events);
        rebuild.push(r);
        say(`  worker build ${i + 1}/${req.cfg.rebuildReps}: ${Math.round((r.events * 1000) / r.ms).toLocaleString('en-US')} events/s${r.errors.length ? ` ERRORS ${r.errors.join('; ')}` : ''}`);
      }
      rss.enter('worker start-up and lag');
      const result = await measureHost(req.cfg, store, head, 'worker', () => startWorkerClient(store, req.dataDir, dir));
      return { role: 'worker', result: { ...result, rebuild }, memory: rss.stop() };
    }
    rss.enter('raw-read');
    const rawRead = await timeRawRead(store, req.runnerPage);
    rss.enter('rebuild');
    const rebuild: RebuildRun[] = [];
    for (let i = 0; i < req.cfg.rebuildReps; i++) {
      // Each repetition starts from an empty folder; the last build stays for the start-up and lag runs.
      const r = await timeRebuild(store, dir, head, req.cfg.events);
      rebuild.push(r);
      say(`  rebuild ${i + 1}/${req.cfg.rebuildReps}: ${Math.round((r.events * 1000) / r.ms).toLocaleString('en-US')} events/s${r.errors.length ? ` ERRORS ${r.errors.join('; ')}` : ''}`);
    }
    rss.enter('in-process');
    const host = await measureHost(req.cfg, store, head, 'in-process', () => {
      const runner = new ProjectionRunner({ store, dir, projections: ALL_PROJECTIONS, wake: 'store' });
      runner.start();
      return runner;
    });
    return { role: 'in-process', result: { rawRead, rebuild, ...host }, memory: rss.stop() };
  } finally {
    rss.stop();
    await store.close();
  }
}

/** Start-up (repeated; each but the last stopped again), then lag on the last one, then stop. */
async function measureHost(
  cfg: ProjectionsBenchConfig, store: EventStore, head: bigint, label: string,
  make: () => ProjectionsReader | Promise<ProjectionsReader>,
): Promise<HostResults> {
  const startup: StartupRun[] = [];
  let host: ProjectionsReader | undefined;
  for (let i = 0; i < cfg.startupReps; i++) {
    await host?.stop();
    const s = await timeStartup(make, head);
    host = s.host;
    startup.push(s.run);
  }
  const running = host as ProjectionsReader;
  try {
    say(`  ${label}: start-up ${startup.map((s) => s.ms.toFixed(1)).join(', ')} ms; lag at ${cfg.lag.ratePerSecond}/s for ${cfg.lag.seconds} s`);
    const lag = await measureLag(store, running, { ...cfg.lag, prefix: `lag-${label}-`, casesPerChunk: cfg.casesPerChunk });
    return { startup, lag };
  } finally {
    await running.stop();
  }
}

process.once('message', (req: ChildRequest) => {
  main(req).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
});
