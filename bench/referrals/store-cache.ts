// The 1M-referral data dir is expensive (generate + append ~4.3M events, then the service builds its
// read models from scratch), so it is built once and kept under the OS temp dir, keyed by a data
// version, the referral count and every projection's version. Each bench run works on a copy, since
// its commands and access records change the log.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { caughtUp, startService } from '../api/servers.js';
import { seedReferrals } from './workload.js';

/** Bump when the generated data changes (generator, renaming, `until`), so old caches are not reused. */
export const REFERRALS_DATA_VERSION = 1;
/** Pending figures count referrals sent in the last 7 days before `now`: older data would have none left. */
const MAX_AGE_MS = 3 * 86_400_000;

export interface CacheMeta {
  key: string;
  referrals: number;
  events: number;
  head: string;
  /** Latest business time in the data (the time it was built). */
  until: string;
  builtAt: string;
  seedMs: number;
  /** The service's own from-scratch build of every read model (its projection worker threads). */
  projectionBuildMs: number;
}

/** Cache directory name: changes with the data version, the size and any projection's version. */
export function cacheKey(referrals: number, projections: readonly { name: string; version: number }[]): string {
  const versions = projections.map((p) => `${p.name}@${p.version}`).sort().join(',');
  const h = createHash('sha256').update(versions).digest('hex').slice(0, 10);
  return `referrals-v${REFERRALS_DATA_VERSION}-${referrals}-${h}`;
}

export function cacheRoot(): string {
  return process.env.LIAISON_BENCH_CACHE ?? join(tmpdir(), 'liaison-bench-cache');
}

/** The cached data dir for `referrals`, built first if missing or too old. */
export async function cachedStore(referrals: number, say: (line: string) => void): Promise<{ dir: string; meta: CacheMeta; reused: boolean }> {
  const key = cacheKey(referrals, ALL_PROJECTIONS);
  const dir = join(cacheRoot(), key);
  const metaFile = join(dir, 'bench-cache.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CacheMeta;
    if (Date.now() - Date.parse(meta.builtAt) < MAX_AGE_MS) return { dir, meta, reused: true };
    say(`cache ${dir} is older than ${MAX_AGE_MS / 86_400_000} days: building it again`);
  }
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    const until = new Date().toISOString();
    say(`building ${referrals.toLocaleString('en-US')} referrals into ${building} (once; reused while under ${MAX_AGE_MS / 86_400_000} days old)`);
    const t0 = performance.now();
    const store = new SqliteEventStore({ file: join(building, 'events.db') });
    let seeded: { head: bigint; events: number };
    try {
      seeded = await seedReferrals(store, referrals, until, (n) => say(`  appended ${n.toLocaleString('en-US')} events`));
    } finally {
      await store.close();
    }
    const seedMs = performance.now() - t0;
    say(`  ${seeded.events.toLocaleString('en-US')} events in ${(seedMs / 1000).toFixed(1)} s; the service builds its read models`);
    const t1 = performance.now();
    const service = await startService(building, 0);
    try {
      await caughtUp(service.url, 30 * 60_000);
    } finally {
      await service.stop();
    }
    const projectionBuildMs = performance.now() - t1;
    say(`  read models built in ${(projectionBuildMs / 1000).toFixed(1)} s`);
    const meta: CacheMeta = { key, referrals, events: seeded.events, head: seeded.head.toString(), until, builtAt: new Date().toISOString(), seedMs, projectionBuildMs };
    writeFileSync(join(building, 'bench-cache.json'), `${JSON.stringify(meta, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
    return { dir, meta, reused: false };
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
}

/** A private copy of the cached dir for one run (file copies: the service's fsyncs stay real). */
export function copyStore(from: string, to: string): number {
  const t0 = performance.now();
  cpSync(from, to, { recursive: true });
  return performance.now() - t0;
}
