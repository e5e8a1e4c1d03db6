import type { EventStore } from '@liaison/event-store';
import type { Projection } from '@liaison/projections';
import { PAGE, emptyModel, foldOn, fromSnapshot } from '../access-view/replay-read-model.js';
import type { SnapshotFolder } from './snapshot-folder.js';
import { snapshotsToPrune } from './snapshot-pruning.js';

export interface SnapshotPolicy {
  /** A snapshot after every this many events of the log (the longest fold a reproduction then needs). */
  every: number;
  /** Bytes the folder may hold before the least useful snapshots are pruned (see snapshotsToPrune). */
  budgetBytes: number;
}

export interface SnapshotRun {
  written: number;
  pruned: number;
  /** Bytes held afterwards, all read models together. */
  bytes: number;
  /** A new generation (an erasure) started during the run: what it wrote was discarded. */
  discarded: boolean;
}

/**
 * Brings each read model's snapshots up to the log's head: folds on from its newest snapshot (or from
 * position 0) with the very fold a reproduction uses, storing the model's image after every `every`
 * events, then prunes the folder to its budget. One model is folded at a time, in a scratch file with a
 * small page cache (its memory does not grow with the model), and copied page by page. Snapshots are
 * only ever added after the newest, so pruned gaps stay pruned. `stopped` is polled between pages;
 * `head` (default: the log's) is where the run ends.
 */
export async function takeSnapshots(
  store: EventStore, folder: SnapshotFolder, projections: readonly Projection[], policy: SnapshotPolicy,
  { stopped = () => false, head: until }: { stopped?: () => boolean; head?: bigint } = {},
): Promise<SnapshotRun> {
  const generation = folder.generation();
  folder.dropStale(new Map(projections.map((p) => [p.name, p.version])));
  const head = until ?? await store.headPosition();
  let written = 0;
  let discarded = false;
  for (const projection of projections) {
    // An erasure since the run began: nothing it folds may be kept, nor even folded into a scratch file.
    if (folder.generation() !== generation) discarded = true;
    if (stopped() || discarded) break;
    const newest = folder.list(projection.name, projection.version).pop();
    if (newest && newest.position >= head) continue;
    const model = (newest && await fromSnapshot(folder, projection, newest.position)) || emptyModel(projection, folder);
    try {
      let since = 0;
      await foldOn(store, model, head, async (events) => {
        since += events;
        if (since >= policy.every) {
          since = 0;
          // SQLite's online backup: the pages as they are, rowids included (VACUUM INTO may renumber them).
          if (await folder.write(generation, projection.name, projection.version, model.checkpoint, (tmp) => model.db.backup(tmp, { progress: () => BACKUP_STEP_PAGES }))) written++;
          else discarded = true;
        }
        if (discarded || stopped()) throw new RunStopped();
        // Pages no longer than `every`, so snapshots fall every `every` events, not only at page ends.
      }, Math.min(PAGE, policy.every));
    } catch (e) {
      if (!(e instanceof RunStopped)) throw e;
    } finally {
      model.close();
    }
  }
  const all = projections.flatMap((p) => folder.list(p.name, p.version));
  const pruned = snapshotsToPrune(all, policy.budgetBytes);
  for (const s of pruned) folder.remove(s);
  const bytes = all.reduce((sum, s) => sum + s.bytes, 0) - pruned.reduce((sum, s) => sum + s.bytes, 0);
  return { written, pruned: pruned.length, bytes, discarded };
}

class RunStopped extends Error {}

/** Pages copied per step of a backup (the default 100 yields to the event loop ~40 times per MB). */
const BACKUP_STEP_PAGES = 4096;
