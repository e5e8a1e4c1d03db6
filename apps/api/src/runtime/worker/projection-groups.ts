import { availableParallelism } from 'node:os';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { integerSetting } from '../../config/integer-setting.js';

/**
 * How many projection worker threads the service runs: PROJECTION_WORKERS, else two wherever there
 * are two cores. Each thread reads $all itself, so two threads cost a second read of every event but
 * build from scratch ~1.5× faster on 2 vCPUs (1M events: ~70k → ~105k events/s in the bench), and
 * with readers' small page caches (see sqlite-schema.ts) the process stays under 300 MB while doing it.
 */
export function projectionWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.PROJECTION_WORKERS;
  if (configured === undefined || configured === '') return availableParallelism() >= 2 ? 2 : 1;
  const n = Number(configured);
  if (n !== 1 && n !== 2) throw new Error(`PROJECTION_WORKERS must be 1 or 2, got "${configured}"`);
  return n;
}

/**
 * What each read model costs to build, in µs of CPU per event of the bench's case workload (100k
 * generated events, each projection built alone on one thread, the $all read it shares subtracted;
 * ADR 25). Only the proportions matter: they balance the threads. A read model missing here counts 1.
 */
export const BUILD_COST: Readonly<Record<string, number>> = {
  search: 8.6,
  'deadlines-board': 4.3,
  cases: 4.0,
  'detention-register': 1.6,
  'platform-responsiveness': 1.3,
  'extradition-tracker': 1.2,
  'retention-reviews': 1.1,
  'handlers-abroad': 1.1,
  'access-log': 0.4,
  'referral-ledger': 0.2,
  'request-register': 0.2,
  'information-exchange-statistics': 0.2,
};

/**
 * The projections each worker thread owns: every thread reads all of $all, so a build takes as long
 * as its most loaded thread. Heaviest first, each to the thread with the least so far (LPT): with the
 * costs above, two threads of ~12 µs per event each, where `cases` (+ access log) alone against the
 * ten others was ~4 against ~20. Ties go to the earlier thread, so the split is the same on every start.
 */
export function projectionGroups(workers: number): string[][] {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  const cost = (name: string): number => BUILD_COST[name] ?? 1;
  const groups = Array.from({ length: Math.max(1, workers) }, () => ({ names: [] as string[], load: 0 }));
  for (const name of [...names].sort((a, b) => cost(b) - cost(a) || names.indexOf(a) - names.indexOf(b))) {
    const lightest = groups.reduce((min, g) => (g.load < min.load ? g : min));
    lightest.names.push(name);
    lightest.load += cost(name);
  }
  // Each group in the order ALL_PROJECTIONS applies them.
  return groups.map((g) => names.filter((n) => g.names.includes(n))).filter((g) => g.length > 0);
}

/**
 * PROJECTION_POLL_MS: how often a projection worker looks for new events when nothing woke it
 * (10–600000, default 250). Commits by this process wake workers at once through the store's commit
 * signal; the poll is for a store written elsewhere (another process, EventStoreDB without a wake-up).
 */
export function projectionPollMs(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'PROJECTION_POLL_MS', 250, 10, 600_000);
}
