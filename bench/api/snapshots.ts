import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { SnapshotFolder } from '../../apps/api/src/audit/snapshots/snapshot-folder.js';
import { snapshotSettings } from '../../apps/api/src/audit/snapshots/snapshot-settings.js';

const folderOf = (dataDir: string) => new SnapshotFolder(path.join(dataDir, 'snapshots'));

/** The snapshots the service holds in DATA_DIR/snapshots (current generation): how many, how many bytes. */
export function snapshotsHeld(dataDir: string): { files: number; bytes: number } {
  const folder = folderOf(dataDir);
  const all = ALL_PROJECTIONS.flatMap((p) => folder.list(p.name, p.version));
  return { files: all.length, bytes: all.reduce((sum, s) => sum + s.bytes, 0) };
}

/** Whether a fold is running: its scratch file exists (ADR 32). */
function folding(folder: SnapshotFolder): boolean {
  const scratch = path.join(folder.root, `g${folder.generation()}`, '.scratch');
  return existsSync(scratch) && readdirSync(scratch).length > 0;
}

/**
 * Waits until the snapshot keeper has taken what the seeded log calls for (every read model's newest
 * snapshot within `every` events of `head`), as the bench waits for the read models: the first run
 * over a seeded log is start-up catch-up, not the cost of the commands measured after it (ADR 31
 * measured a run inside the window at +86–122 µs per command). Runs the load itself triggers still
 * count. Returns at once when snapshots are off.
 */
export async function snapshotsCaughtUp(dataDir: string, head: bigint, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = snapshotSettings(env);
  const started = Date.now();
  if (!settings || head < BigInt(settings.every)) return 0;
  const folder = folderOf(dataDir);
  const due = head - BigInt(settings.every);
  for (;;) {
    const done = ALL_PROJECTIONS.every((p) => (folder.list(p.name, p.version).pop()?.position ?? -1n) > due);
    if (done && !folding(folder)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`snapshots did not catch up with the seeded log within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
