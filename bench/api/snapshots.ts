import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { snapshotSettings } from '../../apps/api/src/audit/snapshots/snapshot-settings.js';
import { ALL_PROJECTIONS } from '@liaison/projections';

/** Newest snapshot position per read model under DATA_DIR/snapshots (any generation). */
function newestByModel(root: string): Map<string, number> {
  const newest = new Map<string, number>();
  if (!existsSync(root)) return newest;
  for (const f of readdirSync(root, { recursive: true }).map(String)) {
    const m = /^g\d+\/([^/]+)\/v\d+\/(\d+)\.[0-9a-f]{64}\.db$/.exec(f);
    if (m) newest.set(m[1], Math.max(newest.get(m[1]) ?? -1, Number(m[2])));
  }
  return newest;
}

/**
 * Waits until the snapshot keeper has taken what the seeded log calls for (every read model's newest
 * snapshot within `every` events of `head`), as the bench waits for the read models: the first run
 * over a seeded log is start-up catch-up, not the cost of the commands measured after it (ADR 31
 * measured a run inside the window at +86–122 µs per command). Runs the load itself triggers still
 * count. Returns at once when snapshots are off.
 */
export async function snapshotsCaughtUp(dataDir: string, head: number, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = snapshotSettings(env);
  const started = Date.now();
  if (!settings || head < settings.every) return 0;
  const root = path.join(dataDir, 'snapshots');
  for (;;) {
    const newest = newestByModel(root);
    const done = ALL_PROJECTIONS.every((p) => (newest.get(p.name) ?? -1) > head - settings.every);
    const scratch = existsSync(path.join(root)) && readdirSync(root, { recursive: true }).map(String).some((f) => f.includes('.scratch/'));
    if (done && !scratch) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`snapshots did not catch up with the seeded log within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
