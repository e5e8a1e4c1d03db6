import path from 'node:path';
import { readAllAfter, type EventStore } from '@liaison/event-store';
import type { Projection } from './projection.js';
import { ProjectionInstance } from './projection-instance.js';
import { ProjectionRegistry, newGenerationFile, removeFile } from './projection-files.js';

export interface RebuildProgress {
  position: bigint;
  head: bigint;
  events: number;
}

/**
 * Rebuilds one projection into a fresh file from position 0 and flips the registry when it has
 * caught up. The file it replaces keeps answering queries until then; a running service follows the
 * flip on its next loop.
 */
export async function rebuildProjection(options: {
  store: EventStore;
  dir: string;
  projection: Projection;
  pageSize?: number;
  onProgress?: (p: RebuildProgress) => void;
}): Promise<{ events: number; file: string }> {
  const { store, dir, projection } = options;
  const registry = new ProjectionRegistry(dir);
  const file = newGenerationFile(projection);
  const fresh = new ProjectionInstance(projection, path.join(dir, file));
  let events = 0;
  try {
    for (;;) {
      const head = await store.headPosition();
      const unseen = await readAllAfter(store, fresh.checkpoint, options.pageSize ?? 5000);
      if (unseen.length === 0) break;
      fresh.apply(unseen);
      if (fresh.error) throw new Error(`Projection ${projection.name} failed during rebuild: ${fresh.error}`);
      events += unseen.length;
      options.onProgress?.({ position: fresh.checkpoint, head, events });
    }
    // Durable before anyone is pointed at it.
    if (!fresh.finishBuild()) throw new Error(`Projection ${projection.name}: could not sync the rebuilt file`);
    const previous = registry.active(projection.name);
    registry.activate(projection.name, projection.version, file);
    fresh.close();
    if (previous && previous.file !== file) removeFile(path.join(dir, previous.file));
    return { events, file };
  } catch (e) {
    fresh.close();
    removeFile(path.join(dir, file));
    throw e;
  } finally {
    registry.close();
  }
}
