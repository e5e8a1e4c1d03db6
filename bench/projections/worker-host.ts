// The worker-thread host exactly as the service runs it: ProjectionWorkerClient and its entry from
// the compiled dist/ (the worker needs JS), the store written from this thread.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventStore } from '@liaison/event-store';
import type { AppConfig } from '../../apps/api/src/config/app.config.js';
import type { ProjectionWorkerClient } from '../../apps/api/src/runtime/worker/projection-worker.client.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = `${root}dist/apps/api/src/runtime/worker/projection-worker.entry.js`;
const CLIENT = `${root}dist/apps/api/src/runtime/worker/projection-worker.client.js`;
const QUERY_ENTRY = `${root}dist/apps/api/src/threads/query-worker.entry.js`;
const GROUPS = `${root}dist/apps/api/src/runtime/worker/projection-groups.js`;
const CONFIG = `${root}dist/apps/api/src/config/app.config.js`;

export interface WorkerHostInfo {
  available: boolean;
  /** Why the worker rows are missing, or a warning that dist is older than the projection sources. */
  note: string;
  distBuiltAt?: string;
}

/** dist is built by `npm run build`; the bench reports when it predates the sources it measures. */
export function workerHostInfo(newestSourceMs: number): WorkerHostInfo {
  if (!existsSync(ENTRY) || !existsSync(CLIENT)) return { available: false, note: 'no dist/ worker entry (run `npm run build`): worker host not measured' };
  const built = statSync(ENTRY).mtimeMs;
  const runner = `${root}dist/libs/projections/src/runner/projection-runner.js`;
  const libBuilt = existsSync(runner) ? statSync(runner).mtimeMs : built;
  const stale = Math.min(built, libBuilt) < newestSourceMs;
  return {
    available: true,
    distBuiltAt: new Date(Math.min(built, libBuilt)).toISOString(),
    note: stale ? 'dist/ is older than libs/projections sources: the worker ran the last build, not this tree' : 'dist/ is up to date with libs/projections',
  };
}

/** Newest modification time under libs/projections/src, to tell whether dist/ is stale. */
export function newestSourceMs(): number {
  const dir = `${root}libs/projections/src/`;
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.ts') && !e.name.includes('.spec.')) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

export async function startWorkerClient(store: EventStore, dataDir: string, readModelDir: string): Promise<ProjectionWorkerClient> {
  const mod = (await import(pathToFileURL(CLIENT).href)) as { ProjectionWorkerClient: typeof ProjectionWorkerClient };
  // The compiled service's own configuration (e.g. its store connections), as production starts it.
  const { loadConfig } = (await import(pathToFileURL(CONFIG).href)) as { loadConfig: (env: NodeJS.ProcessEnv) => AppConfig };
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'error' });
  const groups = (await import(pathToFileURL(GROUPS).href)) as { projectionGroups: (workers: number) => string[][]; projectionWorkerCount: () => number };
  const client = new mod.ProjectionWorkerClient(config, readModelDir, store, pathToFileURL(ENTRY), groups.projectionGroups(groups.projectionWorkerCount()), pathToFileURL(QUERY_ENTRY));
  await client.start();
  return client;
}
