import fs from 'node:fs';
import { unavailable } from './unavailable.js';

/** How long one statfs answer is trusted: a command costs no syscall, and a filling disk is seen within a second. */
const STALE_AFTER_MS = 1000;

export interface DiskSpace {
  /** Bytes an unprivileged writer can still use under DATA_DIR (statfs bavail × bsize); undefined if unknown. */
  freeBytes: number | undefined;
  reserveBytes: number;
  /** Free space is at or below the reserve: new commands are refused. */
  reached: boolean;
  /** When freeBytes was measured (ms since epoch). */
  checkedAt: number;
}

type Statfs = (dir: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

/**
 * Keeps the last `reserveBytes` under DATA_DIR for what must still work when the disk fills: WAL
 * checkpoints, access records (no record, no read), read models catching up, idempotency keys. New
 * commands are refused (503 STORE_FULL) while free space is at or below it (ADR 13).
 *
 * Reads a cached statfs answer and refreshes it in the background once it is a second old, so the
 * request path never waits on, or pays for, a syscall per request.
 */
export class DiskReserve {
  private space: DiskSpace;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    readonly reserveBytes: number,
    private readonly statfs: Statfs = (d) => fs.promises.statfs(d),
    private readonly now: () => number = Date.now,
  ) {
    this.space = { freeBytes: undefined, reserveBytes, reached: false, checkedAt: 0 };
  }

  /** The last known state; starts a refresh if it is stale (its result serves the next caller). */
  current(): DiskSpace {
    if (this.now() - this.space.checkedAt >= STALE_AFTER_MS) void this.refresh();
    return this.space;
  }

  /** Measures now (start-up, readiness probes, specs). Never rejects: an unknown size refuses nothing. */
  refresh(): Promise<void> {
    this.refreshing ??= this.statfs(this.dir)
      .then(
        (s) => {
          const freeBytes = Number(s.bavail) * Number(s.bsize);
          this.space = { freeBytes, reserveBytes: this.reserveBytes, reached: this.reserveBytes > 0 && freeBytes <= this.reserveBytes, checkedAt: this.now() };
        },
        () => {
          this.space = { freeBytes: undefined, reserveBytes: this.reserveBytes, reached: false, checkedAt: this.now() };
        },
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Throws 503 STORE_FULL while the reserve is reached; called before a command does anything. */
  assertRoomForCommand(): void {
    if (!this.current().reached) return;
    throw unavailable('STORE_FULL', 'Free space under the data directory has reached its reserve; new commands are refused until space is freed. Reads still work.', 30);
  }
}

export const DISK_RESERVE = Symbol('DISK_RESERVE');
