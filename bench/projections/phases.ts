// The measured phases: a from-scratch build to head, a start-up over files already at head, and the
// raw $all read every build pays, so the build rate can be read as a fraction of what the store gives.
import { mkdirSync, rmSync } from 'node:fs';
import { readAllAfter, type EventStore } from '@liaison/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, listCases } from '@liaison/projections';
import type { ProjectionsReader } from '../../apps/api/src/runtime/worker/projections-reader.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
const VIEWER = { country: 'SE' };

export interface RebuildRun {
  events: number;
  ms: number;
  errors: string[];
}

/** A runner on an empty folder builds every projection from position 0; timed until all are at head. */
export function timeRebuild(store: EventStore, dir: string, head: bigint, events: number): Promise<RebuildRun> {
  return timeHostBuild(() => {
    const runner = new ProjectionRunner({ store, dir, projections: ALL_PROJECTIONS, wake: 'store' });
    runner.start();
    return runner;
  }, dir, head, events);
}

/** A host (e.g. the worker threads) started on an empty folder, timed until every projection is at head. */
export async function timeHostBuild(
  make: () => ProjectionsReader | Promise<ProjectionsReader>, dir: string, head: bigint, events: number,
): Promise<RebuildRun> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const host = await make();
  const ok = await host.waitForPosition(head, 600_000);
  // Done means caught up as the host sees it (an empty read after head), not just the last page applied.
  while (ok && host.caughtUpAt === undefined) await tick();
  const ms = performance.now() - t0;
  const errors = host.status().filter((s) => s.error).map((s) => `${s.name}: ${s.error}`);
  if (!ok) errors.push(`did not reach ${head}`);
  await host.stop();
  return { events, ms, errors };
}

export interface StartupRun {
  /** start() until a real query (cases list) answered and the host reported itself caught up. */
  ms: number;
  firstQueryMs: number;
  caughtUpMs: number;
  /** Lowest checkpoint loaded at start vs head: events the host had to apply to catch up (0 = no replay). */
  behindAtStart: number;
}

/** Starts a host over files already at head; returns it running, with its timing. */
export async function timeStartup(
  make: () => ProjectionsReader | Promise<ProjectionsReader>, head: bigint,
): Promise<{ host: ProjectionsReader; run: StartupRun }> {
  const t0 = performance.now();
  const host = await make();
  let firstQueryMs = Number.NaN;
  let caughtUpMs = Number.NaN;
  let behindAtStart = Number.NaN;
  const deadline = t0 + 60_000;
  while ((Number.isNaN(firstQueryMs) || Number.isNaN(caughtUpMs)) && performance.now() < deadline) {
    if (Number.isNaN(firstQueryMs)) {
      try {
        const page = host.snapshot('cases', (db) => listCases(db, VIEWER, { limit: 50 }));
        if (page.data.items.length === 0) throw new Error('no rows yet');
        firstQueryMs = performance.now() - t0;
        // The checkpoint the first answer was read at: how far behind the host started.
        behindAtStart = Number(head - page.readAt);
      } catch {
        // The worker host knows its files only after its first progress message.
      }
    }
    if (Number.isNaN(caughtUpMs) && host.caughtUpAt !== undefined) caughtUpMs = performance.now() - t0;
    await tick();
  }
  return { host, run: { ms: Math.max(firstQueryMs, caughtUpMs), firstQueryMs, caughtUpMs, behindAtStart } };
}

/** Pages through $all exactly as the runner does (same page size, metadata on demand), touching nothing else. */
export async function timeRawRead(store: EventStore, pageSize: number): Promise<{ events: number; ms: number }> {
  const t0 = performance.now();
  let events = 0;
  for (let after: bigint | undefined; ;) {
    const page = await readAllAfter(store, after, pageSize, undefined, true);
    events += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  return { events, ms: performance.now() - t0 };
}
