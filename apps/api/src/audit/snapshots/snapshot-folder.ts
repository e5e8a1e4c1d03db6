import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

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

/**
 * DATA_DIR/snapshots: `g<generation>/<read model>/v<version>/<position>.db`, each file a serialized
 * read model (SQLite) at that position. Derived data: any of it may be deleted at any time.
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
   * Stores `image` as the snapshot at `position`, durably and atomically (a crash leaves a stray
   * temporary file, never a torn snapshot). Returns false, keeping nothing, when an erasure started a
   * new generation since `generation` was read.
   */
  write(generation: number, model: string, version: number, position: bigint, image: Buffer): boolean {
    if (this.generation() !== generation) return false;
    const dir = this.dirOf(generation, model, version);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${position}.${createHash('sha256').update(image).digest('hex')}.db`);
    writeDurably(file, image);
    // Checked again after the rename: an erasure that deleted the generation just before it must win.
    if (this.generation() !== generation) {
      rmSync(dir, { recursive: true, force: true });
      return false;
    }
    return true;
  }

  /** The snapshot's bytes, or undefined when they are gone or not what was written (then it is deleted). */
  read(snapshot: Snapshot): Buffer | undefined {
    try {
      const image = readFileSync(snapshot.file);
      if (createHash('sha256').update(image).digest('hex') === snapshot.sha256) return image;
    } catch {
      return undefined;
    }
    this.remove(snapshot);
    return undefined;
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

/** Written beside, synced, renamed into place, and the folder synced: all of the file or none of it. */
function writeDurably(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dir = openSync(join(file, '..'), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
