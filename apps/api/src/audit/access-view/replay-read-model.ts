import { rmSync } from 'node:fs';
import { classifyStorageError, readAllAfter, type EventStore, type RecordedEvent, type Subscription } from '@liaison/event-store';
import { ProjectionInstance, type Projection } from '@liaison/projections';
import type { SnapshotFolder } from '../snapshots/snapshot-folder.js';

export const PAGE = 4096;

/**
 * A private copy of a read model exactly as it stood at `upTo`: the projection's own evolve over $all
 * up to and including that position — the same fold, in the same order, that the live runner had
 * applied when its checkpoint was `upTo`. With `snapshots`, the fold runs in a scratch file of that
 * folder (bounded memory, deleted on close) and starts from the newest usable snapshot at or below
 * `upTo` (a copy of that same fold, stopped earlier) instead of position 0; without a usable one it
 * starts from 0, which is only slower. Without `snapshots` (turned off) it folds in memory.
 */
export async function replayReadModel(store: EventStore, projection: Projection, upTo: bigint, snapshots?: SnapshotFolder): Promise<ProjectionInstance> {
  const model = (snapshots && await fromSnapshot(snapshots, projection, upTo)) || emptyModel(projection, snapshots);
  try {
    await foldHandled(store, model, upTo);
    return model;
  } catch (e) {
    model.close();
    throw e;
  }
}

/** A read model at position -1: in a scratch file of `snapshots`, or in memory without one. */
export function emptyModel(projection: Projection, snapshots?: SnapshotFolder): ProjectionInstance {
  return snapshots ? new ProjectionInstance(projection, snapshots.scratchFile(), { scratch: true }) : new ProjectionInstance(projection, ':memory:');
}

/**
 * A page the model did not take: a projection error, or a scratch file that cannot grow (disk full,
 * I/O error), where the live runner would retry the page later. A replay cannot skip it: it stops.
 */
function failedPage(model: ProjectionInstance): Error | undefined {
  if (model.error) return new Error(`${model.projection.name} failed on replay: ${model.error}`);
  // Typed like any storage fault (503 with its code), never a 500.
  if (model.stalled) return classifyStorageError({ code: model.stalled.code }) ?? new Error(`${model.projection.name} could not be replayed: ${model.stalled.code}`);
  return undefined;
}

/**
 * Folds the events after the model's checkpoint into it, a page at a time, up to and including
 * `upTo`; `afterPage` runs after each page that moved the checkpoint, with the number of events read.
 */
export async function foldOn(
  store: EventStore, model: ProjectionInstance, upTo: bigint, afterPage?: (events: number) => void | Promise<void>, pageSize = PAGE,
): Promise<void> {
  for (let after = model.checkpoint >= 0n ? model.checkpoint : undefined; model.checkpoint < upTo;) {
    const page = await readAllAfter(store, after, pageSize);
    const kept = page.length && page[page.length - 1].position > upTo ? page.filter((e) => e.position <= upTo) : page;
    model.apply(kept);
    const failed = failedPage(model);
    if (failed) throw failed;
    if (kept.length) await afterPage?.(kept.length);
    if (kept.length < page.length || page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
}

/**
 * The same fold, reading only the event types the projection handles (the others would be skipped by
 * apply anyway): the store filters them before decoding, which matters in a log where access records
 * and other read models' events outnumber this one's. Stops once the log is read past `upTo`.
 */
async function foldHandled(store: EventStore, model: ProjectionInstance, upTo: bigint): Promise<void> {
  if (model.checkpoint >= upTo) return;
  const subscription: Subscription = store.subscribeToAll({
    fromPosition: model.checkpoint >= 0n ? model.checkpoint : 'start',
    filter: { eventTypes: [...model.projection.canHandle] },
    onCaughtUp: () => void subscription.close(),
    onCheckpoint: (scanned) => void (scanned >= upTo && subscription.close()),
  });
  let page: RecordedEvent[] = [];
  const apply = () => {
    model.apply(page);
    page = [];
    const failed = failedPage(model);
    if (failed) throw failed;
  };
  try {
    for await (const event of subscription) {
      if (event.position > upTo) break;
      page.push(event);
      if (page.length === PAGE) apply();
    }
    apply();
  } finally {
    await subscription.close();
  }
}

/**
 * The newest snapshot at or below `upTo` that opens as this projection at its own position, copied to
 * a scratch file of the folder (the stored snapshot is never written to); damaged ones are skipped
 * (and deleted).
 */
export async function fromSnapshot(snapshots: SnapshotFolder, projection: Projection, upTo: bigint): Promise<ProjectionInstance | undefined> {
  const candidates = snapshots.list(projection.name, projection.version).filter((s) => s.position <= upTo).reverse();
  for (const snapshot of candidates) {
    const scratch = snapshots.scratchFile();
    if (!(await snapshots.copyTo(snapshot, scratch))) continue;
    let model: ProjectionInstance | undefined;
    try {
      model = new ProjectionInstance(projection, scratch, { scratch: true });
      const row = model.db.prepare('SELECT name, version FROM _checkpoint WHERE id = 1').get() as { name: string; version: number };
      if (model.checkpoint === snapshot.position && row.name === projection.name && row.version === projection.version) return model;
    } catch {
      // Not a read model of this projection after all: skipped like a missing one.
    }
    if (model) model.close();
    else rmSync(scratch, { force: true });
    snapshots.remove(snapshot);
  }
  return undefined;
}
