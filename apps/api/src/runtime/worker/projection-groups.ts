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
 * The projections each worker thread owns. `cases` is about as heavy as the other read models
 * together, so with two threads it gets one of its own (with the light access log).
 */
export function projectionGroups(workers: number): string[][] {
  const names = ALL_PROJECTIONS.map((p) => p.name);
  if (workers < 2) return [names];
  const first: string[] = names.filter((n) => n === 'cases' || n === 'access-log');
  return [first, names.filter((n) => !first.includes(n))].filter((g) => g.length > 0);
}

/**
 * PROJECTION_POLL_MS: how often a projection worker looks for new events when nothing woke it
 * (10–600000, default 250). Commits by this process wake workers at once through the store's commit
 * signal; the poll is for a store written elsewhere (another process, EventStoreDB without a wake-up).
 */
export function projectionPollMs(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'PROJECTION_POLL_MS', 250, 10, 600_000);
}
