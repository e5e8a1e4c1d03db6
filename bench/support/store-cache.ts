// A generated data dir (event log + every read model built from scratch) is expensive, so each suite
// builds its own once and keeps it under the OS temp dir, keyed by the suite's data version and size.
// When a projection's version changed since, the projection runner rebuilds just that read model in
// the cached dir (as the service would on start). Each bench run works on a copy, since its commands
// and access records change the log. Shared by the referrals and requests suites.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionRunner } from '@liaison/projections';
import { timeRebuild } from '../projections/phases.js';

export interface CacheMeta {
  key: string;
  events: number;
  head: string;
  /** Latest business time in the data (the time it was built). */
  until: string;
  builtAt: string;
  seedMs: number;
  /** From-scratch build of every read model by the projection runner, in-process. */
  projectionBuildMs: number;
  /** `name@version` of every read model in the dir. */
  projections: string[];
  /** Read models rebuilt in the cached dir because their version changed, and how long that took. */
  refreshed?: { at: string; projections: string[]; ms: number };
}

/** What a suite stores: its cache key, a description for the log, and how to append the log. */
export interface StoreSpec<Extra extends object> {
  key: string;
  what: string;
  /** Caches older than this are built again (figures relative to `now` drift). */
  maxAgeMs: number;
  /** Appends the log, business times up to `until`; returns the head, the event count and the suite's own facts. */
  seed(store: EventStore, until: string, onProgress: (events: number) => void): Promise<{ head: bigint; events: number } & Extra>;
}

/** `name@version` of each projection, sorted. */
export function projectionVersions(projections: readonly { name: string; version: number }[]): string[] {
  return projections.map((p) => `${p.name}@${p.version}`).sort();
}

export function cacheRoot(): string {
  return process.env.LIAISON_BENCH_CACHE ?? join(tmpdir(), 'liaison-bench-cache');
}

/** The cached data dir for `spec`, built first if missing or too old. */
export async function cachedStore<Extra extends object>(
  spec: StoreSpec<Extra>, say: (line: string) => void,
): Promise<{ dir: string; meta: CacheMeta & Extra; reused: boolean }> {
  const { key, maxAgeMs } = spec;
  const versions = projectionVersions(ALL_PROJECTIONS);
  const dir = join(cacheRoot(), key);
  const metaFile = join(dir, 'bench-cache.json');
  const days = maxAgeMs / 86_400_000;
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CacheMeta & Extra;
    if (Date.now() - Date.parse(meta.builtAt) < maxAgeMs) {
      const stale = versions.filter((v) => !activeVersions(join(dir, 'read-models')).includes(v));
      if (stale.length === 0) return { dir, meta, reused: true };
      say(`cache ${dir}: rebuilding ${stale.join(', ')} (changed version) in-process`);
      const ms = await refreshReadModels(join(dir, 'events.db'), join(dir, 'read-models'));
      const refreshed = { ...meta, projections: versions, refreshed: { at: new Date().toISOString(), projections: stale, ms } };
      writeFileSync(metaFile, `${JSON.stringify(refreshed, null, 2)}\n`);
      return { dir, meta: refreshed, reused: true };
    }
    say(`cache ${dir} is older than ${days} days: building it again`);
  }
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    const until = new Date().toISOString();
    say(`building ${spec.what} into ${building} (once; reused while under ${days} days old)`);
    const t0 = performance.now();
    const store = new SqliteEventStore({ file: join(building, 'events.db') });
    let seeded: { head: bigint; events: number } & Extra;
    try {
      seeded = await spec.seed(store, until, (n) => say(`  appended ${n.toLocaleString('en-US')} events`));
    } finally {
      await store.close();
    }
    const seedMs = performance.now() - t0;
    say(`  ${seeded.events.toLocaleString('en-US')} events in ${(seedMs / 1000).toFixed(1)} s; building the read models in-process`);
    // The projection runner on this thread at normal priority, as the projections bench's in-process
    // build: the service's own build (niced worker threads) crawled at ~2k events/s on a busy machine.
    // The service then starts on files already at head (its start-up is reported by the bench).
    const build = await buildReadModels(join(building, 'events.db'), join(building, 'read-models'), seeded.head, seeded.events);
    if (build.errors.length) throw new Error(`read-model build failed: ${build.errors.join('; ')}`);
    const projectionBuildMs = build.ms;
    say(`  read models built in ${(projectionBuildMs / 1000).toFixed(1)} s`);
    const { head, ...facts } = seeded;
    const meta = { ...facts, key, head: head.toString(), until, builtAt: new Date().toISOString(), seedMs, projectionBuildMs, projections: versions } as CacheMeta & Extra;
    writeFileSync(join(building, 'bench-cache.json'), `${JSON.stringify(meta, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
    return { dir, meta, reused: false };
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
}

async function buildReadModels(storeFile: string, dir: string, head: bigint, events: number) {
  const store = new SqliteEventStore({ file: storeFile });
  try {
    return await timeRebuild(store, dir, head, events);
  } finally {
    await store.close();
  }
}

/** `name@version` of the files the registry serves now. */
function activeVersions(readModels: string): string[] {
  const registry = new Database(join(readModels, 'registry.db'), { readonly: true });
  try {
    return (registry.prepare('SELECT name, version FROM active').all() as { name: string; version: number }[]).map((r) => `${r.name}@${r.version}`);
  } finally {
    registry.close();
  }
}

/** The file serving read model `name` now, from the data dir's read-model registry. */
export function activeReadModelFile(dataDir: string, name: string): string {
  const dir = join(dataDir, 'read-models');
  const registry = new Database(join(dir, 'registry.db'), { readonly: true });
  try {
    const row = registry.prepare('SELECT file FROM active WHERE name = ?').get(name) as { file: string } | undefined;
    if (!row) throw new Error(`no active ${name} file`);
    return join(dir, row.file);
  } finally {
    registry.close();
  }
}

/** Runs every projection over the dir's files: those at their version resume at head, changed ones are rebuilt. */
async function refreshReadModels(storeFile: string, dir: string): Promise<number> {
  const store = new SqliteEventStore({ file: storeFile });
  const t0 = performance.now();
  const runner = new ProjectionRunner({ store, dir, projections: ALL_PROJECTIONS, wake: 'store' });
  try {
    runner.start();
    if (!(await runner.waitForPosition(await store.headPosition(), 60 * 60_000))) throw new Error('read models did not reach the head');
    while (runner.caughtUpAt === undefined || runner.status().some((s) => s.rebuilding)) await new Promise((r) => setTimeout(r, 50));
    const errors = runner.status().filter((s) => s.error);
    if (errors.length) throw new Error(`read-model rebuild failed: ${errors.map((e) => `${e.name}: ${e.error}`).join('; ')}`);
    return performance.now() - t0;
  } finally {
    await runner.stop();
    await store.close();
  }
}

/** A private copy of the cached dir for one run (file copies: the service's fsyncs stay real). */
export function copyStore(from: string, to: string): number {
  const t0 = performance.now();
  cpSync(from, to, { recursive: true });
  return performance.now() - t0;
}

/** Size on disk of a data dir (log + read models), in bytes. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}
