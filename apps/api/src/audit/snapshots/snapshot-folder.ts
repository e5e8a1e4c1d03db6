import { constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { sha256Of, syncFile, writeDurably } from './snapshot-files.js';

/** One stored snapshot: a read model exactly as it stood at `position` (the fold of every event up to it). */
export interface Snapshot {
  model: string;
  version: number;
  position: bigint;
  file: string;
  bytes: number;
  /** SHA-256 of the file as written (hex), in its name: a reader checks it before trusting the image. */
  sha256: string;
}

/** The folder's marker: which generation of snapshots may be used, and how far the log's erasures were followed. */
interface Marker {
  generation: number;
  /** Every erasure at or below this position has been handled (a new generation started after it). */
  watchedThrough: string;
}

const MARKER = 'generation.json';
const SNAPSHOT_FILE = /^(\d+)\.([0-9a-f]{64})\.db$/;
const GENERATION_DIR = /^g\d+$/;
/** Per generation: the working copies folds run in (ADR 32), deleted after use, at start and with their generation. */
const SCRATCH_DIR = '.scratch';
/** A snapshot being written (see write): a crash can leave one behind. */
const IN_FLIGHT = /\.tmp(-journal)?$/;

/**
 * DATA_DIR/snapshots: `g<generation>/<read model>/v<version>/<position>.<sha256>.db`, each file a copy
 * of a read model (SQLite) at that position, and `g<generation>/.scratch/`, the working copies folds
 * run in (ADR 32). Derived data: any of it may be deleted at any time.
 *
 * Generations are how an erasure reaches the snapshots (ADR 19, ADR 28): a snapshot folded before a
 * person's key was destroyed holds the person's values in clear, so each erasure starts a new
 * generation and deletes every older one. Readers only ever open the current generation, and a
 * writer that started in an older one discards what it wrote (checked again after its rename).
 */
export class SnapshotFolder {
  constructor(readonly root: string) {}

  generation(): number {
    return this.marker()?.generation ?? 0;
  }

  /** How far the log's erasures have been followed (undefined: never). */
  watchedThrough(): bigint | undefined {
    const at = this.marker()?.watchedThrough;
    return at === undefined ? undefined : BigInt(at);
  }

  /** Records that no erasure at or below `position` is left to handle (none was found since the last one). */
  watched(position: bigint): void {
    mkdirSync(this.root, { recursive: true });
    writeDurably(join(this.root, MARKER), Buffer.from(JSON.stringify({ generation: this.generation(), watchedThrough: position.toString() } satisfies Marker)));
  }

  /** True when the folder holds no snapshot at all (of any generation). */
  empty(): boolean {
    const files = (dir: string): string[] => {
      try {
        return readdirSync(dir, { recursive: true }).map(String);
      } catch {
        return [];
      }
    };
    return !files(this.root).some((f) => SNAPSHOT_FILE.test(f.split('/').pop() ?? ''));
  }

  private marker(): Marker | undefined {
    try {
      return JSON.parse(readFileSync(join(this.root, MARKER), 'utf8')) as Marker;
    } catch {
      return undefined;
    }
  }

  /** An erasure at `position` was committed: no snapshot taken before it may be read again. */
  startGeneration(position: bigint): number {
    const generation = this.generation() + 1;
    mkdirSync(this.root, { recursive: true });
    writeDurably(join(this.root, MARKER), Buffer.from(JSON.stringify({ generation, watchedThrough: position.toString() } satisfies Marker)));
    this.dropStale(new Map());
    return generation;
  }

  /**
   * Deletes older generations, and in the current one every version of a read model other than
   * `current` (name → version) holds: a snapshot of another projection version is never read. An
   * empty map keeps every read model's folders of the current generation.
   */
  dropStale(current: ReadonlyMap<string, number>): void {
    const keep = `g${this.generation()}`;
    // Only generation folders: the marker's temporary file (written beside it by another thread's
    // tick while this runs) must survive, or that thread's rename fails.
    for (const g of entries(this.root)) {
      if (GENERATION_DIR.test(g) && g !== keep) rmSync(join(this.root, g), { recursive: true, force: true });
    }
    for (const model of entries(join(this.root, keep))) {
      const version = current.get(model);
      if (version === undefined) continue;
      for (const v of entries(join(this.root, keep, model))) {
        if (v !== `v${version}`) rmSync(join(this.root, keep, model, v), { recursive: true, force: true });
      }
    }
  }

  /** The snapshots of one read model version in the current generation, oldest first. */
  list(model: string, version: number): Snapshot[] {
    const dir = this.dirOf(this.generation(), model, version);
    const found: Snapshot[] = [];
    for (const name of entries(dir)) {
      const m = SNAPSHOT_FILE.exec(name);
      if (!m) continue;
      const file = join(dir, name);
      try {
        found.push({ model, version, position: BigInt(m[1]), file, bytes: statSync(file).size, sha256: m[2] });
      } catch {
        // Deleted meanwhile (pruned, or an erasure): not a snapshot any more.
      }
    }
    return found.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  /** The newest snapshot at or below `upTo`. */
  nearest(model: string, version: number, upTo: bigint): Snapshot | undefined {
    return this.list(model, version).filter((s) => s.position <= upTo).pop();
  }

  /**
   * A fresh path for a private working copy of a read model, in the current generation: an erasure's
   * new generation deletes it with the snapshots (it holds the same values in clear), and so does the
   * next start (clearScratch) if the thread using it died. Its user deletes it when done.
   */
  scratchFile(): string {
    const dir = join(this.root, `g${this.generation()}`, SCRATCH_DIR);
    mkdirSync(dir, { recursive: true });
    return join(dir, `${process.pid}.${threadId}.${randomUUID()}.db`);
  }

  /**
   * At start, before any fold runs: deletes the working copies and half-written snapshots a crash
   * (or a thread ended mid-run) left in any generation, so they never pile up.
   */
  clearScratch(): void {
    for (const g of entries(this.root).filter((name) => GENERATION_DIR.test(name))) {
      rmSync(join(this.root, g, SCRATCH_DIR), { recursive: true, force: true });
      for (const model of entries(join(this.root, g))) {
        for (const v of entries(join(this.root, g, model))) {
          for (const name of entries(join(this.root, g, model, v))) {
            if (IN_FLIGHT.test(name)) rmSync(join(this.root, g, model, v, name), { force: true });
          }
        }
      }
    }
  }

  /**
   * Stores the snapshot at `position`, durably and atomically: `fill` writes the image to a temporary
   * path (a page-by-page copy of the model's file, never the whole image in memory), which is synced,
   * hashed as a stream, renamed into place and its folder synced (a crash leaves a stray temporary
   * file, never a torn snapshot). Returns false, keeping nothing, when an erasure started a new
   * generation since `generation` was read.
   */
  async write(generation: number, model: string, version: number, position: bigint, fill: (tmp: string) => Promise<unknown>): Promise<boolean> {
    if (this.generation() !== generation) return false;
    const dir = this.dirOf(generation, model, version);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${position}.${process.pid}.${threadId}.tmp`);
    try {
      await fill(tmp);
      syncFile(tmp);
      renameSync(tmp, join(dir, `${position}.${await sha256Of(tmp)}.db`));
    } finally {
      rmSync(tmp, { force: true });
    }
    syncFile(dir);
    // Checked again after the rename: an erasure that deleted the generation just before it must win.
    if (this.generation() !== generation) {
      rmSync(dir, { recursive: true, force: true });
      return false;
    }
    return true;
  }

  /**
   * Copies the snapshot to `to` (a scratch file: a stored snapshot is never opened for writing) and
   * checks the copy's hash. False when it is gone or not what was written (then it is deleted).
   */
  async copyTo(snapshot: Snapshot, to: string): Promise<boolean> {
    try {
      // A reflink where the file system has them (btrfs, XFS): no bytes copied until the fold writes.
      await copyFile(snapshot.file, to, constants.COPYFILE_FICLONE);
      if (await sha256Of(to) === snapshot.sha256) return true;
    } catch {
      rmSync(to, { force: true });
      return false;
    }
    rmSync(to, { force: true });
    this.remove(snapshot);
    return false;
  }

  remove(snapshot: Snapshot): void {
    rmSync(snapshot.file, { force: true });
  }

  private dirOf(generation: number, model: string, version: number): string {
    return join(this.root, `g${generation}`, model, `v${version}`);
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
