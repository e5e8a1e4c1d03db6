// Drives projections in specs: in memory without a store, or through a real SqliteEventStore and
// ProjectionRunner with files on disk. Every helper is deterministic apart from runner timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@liaison/event-store';
import type { Projection } from '../runner/projection.js';
import { ProjectionInstance } from '../runner/projection-instance.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { ProjectionRegistry } from '../runner/projection-files.js';
import { toAppends } from './event-fixtures.js';
import { readModelChecksum } from './read-model-checksum.js';

/** A projection on an in-memory file, driven exactly as the runner does (pages, checkpoint). */
export function memoryInstance(projection: Projection): ProjectionInstance {
  return new ProjectionInstance(projection, ':memory:');
}

/** Applies events in pages of `pageSize`; throws if the projection failed. */
export function applyInPages(instance: ProjectionInstance, events: readonly RecordedEvent[], pageSize = events.length): void {
  for (let i = 0; i < events.length; i += Math.max(1, pageSize)) instance.apply(events.slice(i, i + pageSize));
  if (instance.error) throw new Error(`${instance.projection.name} failed: ${instance.error}`);
}

/** From scratch, in one page: the reference every other way of building must equal. */
export function rebuiltChecksum(projection: Projection, events: readonly RecordedEvent[]): string {
  const instance = memoryInstance(projection);
  try {
    applyInPages(instance, events);
    return readModelChecksum(instance.db);
  } finally {
    instance.close();
  }
}

/** Moves an instance's checkpoint back, as if the last batches had been lost, without touching rows. */
export function rewind(instance: ProjectionInstance, position: bigint): void {
  instance.db.prepare('UPDATE _checkpoint SET position = ? WHERE id = 1').run(position);
  instance.checkpoint = position;
}

export interface TempStore {
  dir: string;
  storeFile: string;
  readModelDir: string;
  store: SqliteEventStore;
  cleanup(): Promise<void>;
}

export function tempStore(prefix = 'liaison-proj-'): TempStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const storeFile = path.join(dir, 'events.db');
  const store = SqliteEventStore.open(storeFile);
  return {
    dir, storeFile, readModelDir: path.join(dir, 'read-models'), store,
    async cleanup() {
      await store.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Appends hand-built events (ids, types, data, metadata kept); returns the store's head. */
export async function appendAll(store: SqliteEventStore, events: readonly RecordedEvent[]): Promise<bigint> {
  await Promise.all(toAppends(events).map((a) => store.append(a.streamId, a.events)));
  return store.headPosition();
}

/** Every event in the store, as the runner will see them (the store assigns positions). */
export async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (;;) {
    const after = out.length ? out[out.length - 1].position : undefined;
    const page = await store.readAll({ fromPosition: after ?? 'start', maxCount: 5000 });
    const fresh = after === undefined ? page : page.filter((e) => e.position > after);
    if (fresh.length === 0) return out;
    out.push(...fresh);
  }
}

/** Starts a runner, waits until every projection has applied `position`, stops it. */
export async function runUntil(
  store: SqliteEventStore, dir: string, projections: readonly Projection[], position: bigint, pageSize = 2000,
): Promise<void> {
  const runner = new ProjectionRunner({ store, dir, projections, pageSize, fallbackPollMs: 20 });
  runner.start();
  try {
    const ok = await runner.waitForPosition(position, 20_000);
    const failed = runner.status().filter((s) => s.error);
    if (failed.length) throw new Error(`projection failed: ${failed.map((s) => `${s.name}: ${s.error}`).join('; ')}`);
    if (!ok) throw new Error(`runner did not reach ${position}`);
  } finally {
    await runner.stop();
  }
}

/** Opens the file the registry names for `name` and returns its checksum and checkpoint. */
export function activeFileState(dir: string, name: string): { checksum: string; checkpoint: bigint } {
  const registry = new ProjectionRegistry(dir);
  const active = registry.active(name);
  registry.close();
  if (!active) throw new Error(`no active file for ${name}`);
  const db = new Database(path.join(dir, active.file), { readonly: true });
  try {
    const { position } = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number };
    return { checksum: readModelChecksum(db), checkpoint: BigInt(position) };
  } finally {
    db.close();
  }
}

/** The active file's checkpoint for `name`, or undefined before the runner created it (cheap; for polling). */
export function activeCheckpoint(dir: string, name: string): bigint | undefined {
  if (!fs.existsSync(path.join(dir, 'registry.db'))) return undefined;
  const registry = new ProjectionRegistry(dir);
  try {
    const active = registry.active(name);
    if (!active || !fs.existsSync(path.join(dir, active.file))) return undefined;
    const db = new Database(path.join(dir, active.file), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number } | undefined;
      return row ? BigInt(row.position) : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // the child is still creating the file
  } finally {
    registry.close();
  }
}
