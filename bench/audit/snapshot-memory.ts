// What one snapshot run (ADR 28, 32) adds to a process's peak RSS: every read model, a snapshot every
// 25,000 events, over the first N/2 and then the first N events of the audit bench's log, each in a
// child process of its own (VmHWM is per process). Folding in scratch files, the figure should stay
// about the same while the read models (and their images) double.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS } from '@liaison/projections';
import { SnapshotFolder } from '../../apps/api/src/audit/snapshots/snapshot-folder.js';
import { takeSnapshots } from '../../apps/api/src/audit/snapshots/take-snapshots.js';
import { DEFAULT_SNAPSHOT_EVERY } from '../../apps/api/src/audit/snapshots/snapshot-settings.js';
import { procMemory } from '../support/proc-memory.js';

export interface SnapshotMemory {
  events: number;
  /** VmHWM after the run less VmHWM before it (node, modules and the open store). */
  addedMiB: number;
  /** The images written, all read models together: how large the read models were. */
  heldMiB: number;
  seconds: number;
}

const SELF = fileURLToPath(import.meta.url);
const hwmMiB = () => procMemory(process.pid).hwm / 1048576;

/** Runs the measurement in a child for each size, on the log `events.db` in `dir` (the child writes `dir/snapshot-memory`). */
export function benchSnapshotMemory(dir: string, sizes: number[]): SnapshotMemory[] {
  return sizes.map((events) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', SELF, String(events), dir], { encoding: 'utf8' }).trim().split('\n').pop()!) as SnapshotMemory);
}

async function child(events: number, dir: string): Promise<void> {
  const root = join(dir, 'snapshot-memory');
  rmSync(root, { recursive: true, force: true });
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  try {
    const before = hwmMiB();
    const t0 = performance.now();
    const run = await takeSnapshots(store, new SnapshotFolder(root), ALL_PROJECTIONS, { every: DEFAULT_SNAPSHOT_EVERY, budgetBytes: Number.MAX_SAFE_INTEGER }, { head: BigInt(events) });
    const result: SnapshotMemory = { events, addedMiB: Math.round(hwmMiB() - before), heldMiB: Math.round(run.bytes / 1048576), seconds: Math.round((performance.now() - t0) / 1000) };
    console.log(JSON.stringify(result));
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) await child(Number(process.argv[2]), process.argv[3]);
