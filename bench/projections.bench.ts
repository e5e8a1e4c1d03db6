// `npm run bench -- projections [--quick]`: every read model built from scratch over 1M generated case
// events, commit-to-visible lag at a steady 1,000 appends/s (in-process runner and, when dist/ is
// built, the worker-thread host), start-up over files already at head, and peak RSS. Seeding and each
// host run in their own child process, so every peak RSS belongs to one configuration.
import { fork } from 'node:child_process';
import { productionStart } from './support/production-start.js';
import { renameSync, rmSync, statSync } from 'node:fs';
import { PERSONAL_DATA_POLICY } from '@liaison/domain';
import { sealStore } from '../apps/api/src/privacy/seal/seal-store.js';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { makeTempDir, writeResult } from './support/files.js';
import { projectionsBenchConfig } from './projections/config.js';
import { storeFileIn, type ChildRequest, type ChildResult, type Role } from './projections/child.js';
import { printReport, type ProjectionsResults } from './projections/report.js';
import { newestSourceMs, workerHostInfo } from './projections/worker-host.js';

const say = (line: string): void => void process.stderr.write(`${line}\n`);
/** The runner's default page size, so the raw read pays exactly what the build pays for reading. */
const RUNNER_PAGE = 2000;
const CHILD = fileURLToPath(new URL('./projections/child.ts', import.meta.url));

export async function run(args: string[]): Promise<void> {
  const cfg = projectionsBenchConfig(args);
  const tmp = makeTempDir('liaison-bench-projections');
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  say(`projections bench${cfg.quick ? ' (--quick)' : ''}: temp dir ${tmp.dir}`);
  try {
    const req = (role: Role): ChildRequest => ({ role, cfg, dataDir: tmp.dir, runnerPage: RUNNER_PAGE });
    const seeded = await inChild(req('seed'));
    if (seeded.role !== 'seed') throw new Error('seed child answered for another role');
    say(`1/3 seeded ${cfg.events.toLocaleString('en-US')} events in ${(seeded.seed.ms / 1000).toFixed(1)} s`);
    if (cfg.sealed) say(`  sealed (every personal field encrypted, ADR 19) in ${((await sealInPlace(tmp.dir)) / 1000).toFixed(1)} s`);
    const storeBytes = fileBytes(storeFileIn(tmp.dir));

    const inProcess = await inChild(req('in-process'));
    if (inProcess.role !== 'in-process') throw new Error('in-process child answered for another role');
    say('2/3 rebuilds, in-process start-up and lag done');

    const info = workerHostInfo(newestSourceMs());
    const worker = info.available ? await inChild(req('worker')) : undefined;
    if (worker && worker.role !== 'worker') throw new Error('worker child answered for another role');
    say(`3/3 worker host ${info.available ? 'done' : 'skipped'}`);

    const results: ProjectionsResults = {
      config: cfg,
      projections: ALL_PROJECTIONS.map((p) => ({ name: p.name, version: p.version })),
      seed: { ...seeded.seed, storeBytes },
      rawRead: { ...inProcess.result.rawRead, pageSize: RUNNER_PAGE },
      rebuild: inProcess.result.rebuild,
      inProcess: { startup: inProcess.result.startup, lag: inProcess.result.lag },
      worker: worker ? { info, startup: worker.result.startup, lag: worker.result.lag, rebuild: worker.result.rebuild } : { info },
      memory: { seed: seeded.memory, inProcess: inProcess.memory, ...(worker ? { worker: worker.memory } : {}) },
      totalSeconds: (performance.now() - started) / 1000,
      node: process.version,
      machine: { cpus: cpus().length, loadAtStart, loadAtEnd: loadavg()[0] },
    };
    printReport(results);
    console.log(`\nresults written to ${writeResult('projections', results)}`);
  } finally {
    tmp.dispose();
  }
}

/** Seals the seeded store (npm run privacy -- seal) and puts the sealed log and its keys.db in its place. */
async function sealInPlace(dir: string): Promise<number> {
  const t0 = performance.now();
  const to = `${dir}-sealed`;
  const silent = { start: () => undefined, update: () => undefined, stop: () => undefined };
  const outcome = await sealStore({ from: dir, to, operator: 'bench', toolVersion: 'bench', policy: PERSONAL_DATA_POLICY, progress: silent });
  if (!outcome.ok) throw new Error(`seal failed: ${outcome.reason}`);
  for (const f of ['events.db-wal', 'events.db-shm']) rmSync(join(dir, f), { force: true });
  for (const f of ['events.db', 'keys.db']) renameSync(join(to, f), join(dir, f));
  rmSync(to, { recursive: true, force: true });
  return performance.now() - t0;
}

/**
 * fork() keeps tsx's loader (execArgv), so the child runs the same TypeScript sources. The worker host
 * stands for the service, so it gets the environment production starts the service with (start:prod).
 */
function inChild(req: ChildRequest): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const env = req.role === 'worker' ? { ...process.env, ...productionStart().env } : process.env;
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', env });
    let answer: ChildResult | undefined;
    child.once('message', (m) => (answer = m as ChildResult));
    child.once('error', reject);
    child.once('exit', (code, signal) => (answer ? resolve(answer) : reject(new Error(`${req.role} child exited with ${signal ?? code}`))));
    child.send(req);
  });
}

function fileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      total += statSync(f).size;
    } catch {
      // no WAL right now
    }
  }
  return total;
}
