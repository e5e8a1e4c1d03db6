import fs from 'node:fs';
import path from 'node:path';
import { classifyStorageError, readAllAfter, type EventStore, type RecordedEvent } from '@liaison/event-store';
import type { Projection } from './projection.js';
import { ProjectionInstance } from './projection-instance.js';
import { ProjectionRegistry, newGenerationFile, removeFile } from './projection-files.js';
import { WakeSignal } from './wake-signal.js';
import { PositionWaiters } from './position-waiters.js';
import { StorageBackoff, tolerateStorageFault } from './storage-backoff.js';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** Folder for read-model files, separate from the event log. */
  dir: string;
  projections: readonly Projection[];
  pageSize?: number;
  fallbackPollMs?: number;
  /**
   * 'store' (default): woken by the store's own commit hint, or a subscription where it has none.
   * 'external': woken only by wakeNow() (e.g. messages from the writing thread) and the fallback timer.
   */
  wake?: 'store' | 'external';
  /** How often, when caught up, the live files refresh their query planner statistics; default an hour. */
  optimizeEveryMs?: number;
  /** Called after every applied page, catch-up and flip: lets a host publish checkpoints elsewhere. */
  onProgress?: () => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  file: string;
  checkpoint: bigint;
  error?: string;
  /** The storage code (SQLITE_FULL …) this projection is waiting out, retrying with backoff. */
  stalled?: string;
  rebuilding?: { version: number; checkpoint: bigint };
  /** Its file was deleted or found corrupt; a fresh one is being built from the log and cannot answer yet. */
  recovering?: boolean;
}

/**
 * Drives every projection from one read of $all: each page is applied to each live projection in its
 * own transaction. A projection whose code version is newer than its file is rebuilt by a second loop
 * while the old file keeps answering queries; the registry flips when the rebuild has caught up.
 */
export class ProjectionRunner {
  private readonly live = new Map<string, ProjectionInstance>();
  private readonly building = new Map<string, ProjectionInstance>();
  private readonly registry: ProjectionRegistry;
  private readonly wake: WakeSignal;
  private readonly waiters = new PositionWaiters();
  private readonly pageSize: number;
  private registryVersion = -1;
  /** When the live loop last found nothing new to apply; undefined until the first catch-up. */
  caughtUpAt: number | undefined;
  private running = false;
  private loops: Promise<void>[] = [];
  private optimizedAt = Date.now();
  /** Set while the log itself cannot be read (I/O error, server unreachable); retried with backoff. */
  readFault: { code: string; since: number } | undefined;
  private readonly backoffs = new Set<StorageBackoff>();
  private readonly recovering = new Set<string>();
  private filesCheckedAt = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.registry = new ProjectionRegistry(options.dir);
    this.wake = new WakeSignal(options.fallbackPollMs ?? 250);
    this.pageSize = options.pageSize ?? 2000;
  }

  /** Opens files without replaying anything: start-up cost does not grow with the log. */
  start(): void {
    for (const p of this.options.projections) {
      const active = this.registry.active(p.name);
      if (!active) {
        const file = newGenerationFile(p);
        this.live.set(p.name, new ProjectionInstance(p, this.path(file)));
        this.registry.activate(p.name, p.version, file);
      } else if (active.version !== p.version) {
        // A file of older code: this code can neither apply events to it (its tables may differ: a new
        // version may add one, and its indexes with it) nor answer its queries from it. The new
        // generation is built in its place, like a recovered file: queries answer 503
        // READ_MODEL_REBUILDING until it has caught up (ADR 5, amended).
        const file = newGenerationFile(p);
        this.live.set(p.name, new ProjectionInstance(p, this.path(file)));
        this.registry.activate(p.name, p.version, file);
        removeFile(this.path(active.file));
        this.recovering.add(p.name);
      } else {
        this.live.set(p.name, new ProjectionInstance(p, this.path(active.file)));
      }
    }
    this.registryVersion = this.registry.dataVersion();
    this.running = true;
    if (this.options.wake !== 'external') this.wake.attach(this.options.store);
    this.loops = [this.loop(() => [...this.live.values()], true)];
    if (this.building.size) this.loops.push(this.rebuildLoop());
  }

  /** Wakes the live loop now (a writer elsewhere committed). */
  wakeNow(): void {
    this.wake.fire();
  }

  /**
   * Runs a query against a projection's live file together with the checkpoint it reflects. The
   * runner applies pages synchronously, so nothing can land between reading the two.
   */
  snapshot<T>(name: string, query: (db: ProjectionInstance['db']) => T): { readAt: bigint; data: T } {
    const i = this.instance(name);
    return { readAt: i.checkpoint, data: query(i.db) };
  }

  /** Live files by projection, for readers in other threads. */
  activeFiles(): Record<string, string> {
    return Object.fromEntries([...this.live].map(([name, i]) => [name, i.file]));
  }

  /** The instance whose file answers queries for this projection. */
  instance(name: string): ProjectionInstance {
    const i = this.live.get(name);
    if (!i) throw new Error(`Unknown projection ${name}`);
    return i;
  }

  /**
   * Lowest checkpoint over the live projections: every read model has seen at least this. One being
   * recovered from scratch is left out: its queries are refused meanwhile, and the others' need not wait.
   */
  position(): bigint {
    let min: bigint | undefined;
    for (const [name, i] of this.live) if (!this.recovering.has(name) && (min === undefined || i.checkpoint < min)) min = i.checkpoint;
    return min ?? -1n;
  }

  /** Read-your-writes: resolves true once every live projection has applied `position`. */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.waiters.wait(this.position(), position, timeoutMs);
  }


  status(): ProjectionStatus[] {
    return [...this.live.values()].map((i) => {
      const b = this.building.get(i.projection.name);
      return {
        name: i.projection.name,
        version: i.projection.version,
        file: path.basename(i.file),
        checkpoint: i.checkpoint,
        ...(i.error ? { error: i.error } : {}),
        ...stalledOf(i.stalled ?? b?.stalled ?? this.readFault),
        ...(b ? { rebuilding: { version: b.projection.version, checkpoint: b.checkpoint } } : {}),
        ...(this.recovering.has(i.projection.name) ? { recovering: true } : {}),
      };
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const b of this.backoffs) b.cancel();
    await this.wake.close();
    await Promise.all(this.loops);
    for (const i of [...this.live.values(), ...this.building.values()]) i.close();
    this.registry.close();
    this.waiters.failAll();
  }

  private async loop(instances: () => ProjectionInstance[], isLive: boolean): Promise<void> {
    const backoff = new StorageBackoff();
    this.backoffs.add(backoff);
    while (this.running) {
      if (isLive) {
        this.followRegistry();
        this.recoverLostFiles();
      }
      const current = instances().filter((i) => !i.error);
      if (current.length === 0) break;
      const page = await this.readAfter(current.reduce((m, i) => (i.checkpoint < m ? i.checkpoint : m), current[0].checkpoint), handledBy(current));
      if (page === undefined) {
        await backoff.wait();
        continue;
      }
      if (page.length === 0) {
        if (!isLive) break;
        for (const i of current) tolerateStorageFault(() => i.finishBuild());
        if (this.recovering.size) {
          // Caught up: recovered files count again, and read-your-writes may now be satisfied.
          this.recovering.clear();
          this.notifyWaiters();
        }
        this.optimizeIfDue(current);
        this.caughtUpAt = Date.now();
        this.options.onProgress?.();
        await this.wake.wait();
        continue;
      }
      for (const i of current) i.apply(page);
      if (isLive) {
        this.notifyWaiters();
        this.options.onProgress?.();
      }
      // A file that could not take the page keeps its checkpoint; the next pass re-reads from there.
      if (current.some((i) => i.stalled)) await backoff.wait();
      else backoff.reset();
    }
    this.backoffs.delete(backoff);
  }

  private async rebuildLoop(): Promise<void> {
    await this.loop(() => [...this.building.values()], false);
    if (!this.running) return;
    for (const [name, fresh] of this.building) {
      if (fresh.error) continue;
      const old = this.live.get(name);
      fresh.finishBuild();
      this.registry.activate(name, fresh.projection.version, path.basename(fresh.file));
      this.live.set(name, fresh);
      this.building.delete(name);
      if (old) {
        old.close();
        removeFile(old.file);
      }
    }
    this.registryVersion = this.registry.dataVersion();
    this.options.onProgress?.();
  }

  /**
   * A live file deleted under the running service (its writes would go to an unlinked inode, lost at
   * the next start) or found corrupt is replaced by a fresh generation built from the log, like a
   * version bump but in place: until it has caught up its queries answer 503 READ_MODEL_REBUILDING.
   * Deletion is looked for at most once a second (one stat per file).
   */
  private recoverLostFiles(): void {
    const now = Date.now();
    const lookForDeleted = now - this.filesCheckedAt >= 1000;
    if (lookForDeleted) this.filesCheckedAt = now;
    for (const [name, i] of this.live) {
      if (!i.corrupt && !(lookForDeleted && !fs.existsSync(i.file))) continue;
      // The new file first: if the disk cannot take it, the old instance stays and the next pass retries.
      const file = newGenerationFile(i.projection);
      let fresh: ProjectionInstance;
      try {
        fresh = new ProjectionInstance(i.projection, this.path(file));
      } catch (e) {
        if (!classifyStorageError(e)) throw e;
        removeFile(this.path(file));
        continue;
      }
      i.close();
      removeFile(i.file);
      this.live.set(name, fresh);
      // Unrecorded (a full disk), the next start finds the old name missing and builds it from the log too.
      tolerateStorageFault(() => this.registry.activate(name, i.projection.version, file));
      this.registryVersion = this.registry.dataVersion();
      this.recovering.add(name);
      this.options.onProgress?.();
    }
  }

  /** Follows a flip made by another process (`npm run projections -- rebuild`). */
  private followRegistry(): void {
    const v = this.registry.dataVersion();
    if (v === this.registryVersion) return;
    this.registryVersion = v;
    for (const [name, current] of this.live) {
      const active = this.registry.active(name);
      if (active && this.path(active.file) !== current.file && active.version === current.projection.version) {
        this.live.set(name, new ProjectionInstance(current.projection, this.path(active.file)));
        current.close();
      }
    }
  }

  // Planner statistics drift as read models grow; SQLite suggests PRAGMA optimize every few hours on
  // long-lived connections. Done when caught up, so it never delays a page.
  private optimizeIfDue(instances: ProjectionInstance[]): void {
    const now = Date.now();
    if (now - this.optimizedAt < (this.options.optimizeEveryMs ?? 3_600_000)) return;
    this.optimizedAt = now;
    for (const i of instances) tolerateStorageFault(() => i.optimize());
  }

  /** The next page, or undefined while the log cannot be read (shown in status as readFault). */
  private async readAfter(checkpoint: bigint, dataOf: ReadonlySet<string>): Promise<RecordedEvent[] | undefined> {
    try {
      // Metadata parsed on demand: read models read it for few events (ADR 30).
      const page = await readAllAfter(this.options.store, checkpoint, this.pageSize, dataOf, true);
      this.readFault = undefined;
      return page;
    } catch (e) {
      const fault = classifyStorageError(e);
      if (!fault || fault.kind === 'corrupt') throw e;
      this.readFault ??= { code: fault.code, since: Date.now() };
      this.options.onProgress?.();
      return undefined;
    }
  }

  private notifyWaiters(): void {
    this.waiters.advance(() => this.position());
  }


  private path(file: string): string {
    return path.join(this.options.dir, file);
  }
}


/**
 * The event types these instances apply: a sealed log opens only their personal values (on a thread
 * whose read models never apply PersonRegistered, its names stay sealed). An instance applies no other
 * type (ProjectionInstance.apply), so nothing left sealed can reach a read model.
 */
function handledBy(instances: readonly ProjectionInstance[]): ReadonlySet<string> {
  return new Set(instances.flatMap((i) => i.projection.canHandle));
}

function stalledOf(fault: { code: string } | undefined): { stalled?: string } {
  return fault ? { stalled: fault.code } : {};
}
