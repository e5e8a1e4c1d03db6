import type Database from 'better-sqlite3';
import { ERASURE_EVENT_TYPE, classifyStorageError, redactionsAsText, type RecordedEvent } from '@liaison/event-store';
import { createReadModelDb, type Projection, type ReadModelDb } from './projection.js';
import { openReadModelFile, openScratchFile, removeFile } from './projection-files.js';
import { beginUnsynced, endUnsynced, tornByRestart } from './unsynced-mark.js';

/** PRAGMA user_version of a file still in its first build from position 0 (written with synchronous=OFF). */
const UNFINISHED_BUILD = 0x4c_42_4c_44;
/** Page cache while building from position 0, as PRAGMA cache_size (negative: KiB). */
const BUILD_CACHE_KIB = -4000;

/**
 * One open generation of one projection: its file, its checkpoint, and the batch it applies.
 *
 * A file built from position 0 is written with synchronous=OFF until finishBuild() (first catch-up,
 * flip or close): no fsync per WAL checkpoint while it replays the log. Its header carries
 * UNFINISHED_BUILD, written durably before the first unsynced write and cleared in the durable commit
 * that writes the boot mark, so a file found with the mark was cut off mid-build (crash, power cut:
 * possibly torn) and is built again from scratch instead of trusted. After the build, and for a file
 * opened already built, commits skip fsync altogether under a boot mark: see unsynced-mark.ts.
 */
export class ProjectionInstance {
  readonly db: Database.Database;
  readonly rm: ReadModelDb;
  checkpoint: bigint;
  error: string | undefined;
  /**
   * Set while the file cannot take the page (disk full, I/O error): the transaction rolled back rows
   * and checkpoint together, so the runner retries the same page later and nothing is skipped or
   * applied twice. Cleared by the next page that commits.
   */
  stalled: { code: string; since: number } | undefined;
  /** The file reported itself damaged (SQLITE_CORRUPT): the runner builds a fresh one from the log. */
  corrupt = false;
  private readonly handles: ReadonlySet<string>;
  private readonly applyTx: (events: RecordedEvent[], last: bigint) => void;
  private unsynced = false;
  private normalCacheSize = 0;

  /** In memory or a scratch file: a private fold, no build marks, no fsync, no planner statistics. */
  private readonly privateFold: boolean;

  /**
   * `scratch` (read-model snapshots, ADR 32): `file` is a private working copy, already holding a
   * snapshot or empty, that folds like an in-memory model but keeps its pages on disk, and is deleted
   * on close.
   */
  constructor(readonly projection: Projection, readonly file: string, private readonly options: { scratch?: boolean } = {}) {
    const isPrivate = options.scratch === true || file === ':memory:' || file === '';
    this.privateFold = isPrivate;
    let db = options.scratch ? openScratchFile(file, projection) : openReadModelFile(file, projection);
    if (!isPrivate && (db.pragma('user_version', { simple: true }) === UNFINISHED_BUILD || tornByRestart(db))) {
      db.close();
      removeFile(file);
      db = openReadModelFile(file, projection);
    }
    this.db = db;
    this.rm = createReadModelDb(this.db);
    this.handles = new Set(projection.canHandle);
    const row = this.db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number | bigint };
    this.checkpoint = BigInt(row.position);
    if (!isPrivate && this.checkpoint < 0n) {
      // The mark must be on disk before any unsynced page is: FULL syncs this commit (and the setup).
      db.pragma('synchronous = FULL');
      db.pragma(`user_version = ${UNFINISHED_BUILD}`);
      db.pragma('synchronous = OFF');
      // A build writes each page of the file about once and rereads little: a page cache beyond a few
      // MB only adds memory (5 files x 16 MB at 1M events was ~60 MB of RSS) and measured no faster.
      this.normalCacheSize = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = ${BUILD_CACHE_KIB}`);
      this.unsynced = true;
    } else {
      this.createIndexes();
      if (!isPrivate) {
        beginUnsynced(db);
        this.optimize();
      }
    }
    const save = this.db.prepare('UPDATE _checkpoint SET position = ? WHERE id = 1');
    // Rows and checkpoint commit together: after a crash the model is exactly "all events <= checkpoint".
    this.applyTx = this.db.transaction((events: RecordedEvent[], last: bigint) => {
      const { projection, rm, handles, checkpoint } = this;
      try {
        for (const e of events) {
          if (e.position > checkpoint && handles.has(e.type)) projection.evolve(rm, redactionsAsText(e));
        }
      } catch (e) {
        projection.endBatch?.(rm, true);
        throw e;
      }
      projection.endBatch?.(rm, false);
      save.run(last);
    });
  }

  /**
   * After an erasure the WAL still holds earlier images of the pages that carried the person's values:
   * copy the pages back and truncate the WAL now rather than at the next automatic checkpoint. A reader
   * in the middle of a query can stop it short; the next erasure's (or SQLite's own) checkpoint ends it.
   */
  private flushErasedPages(): void {
    if (!this.privateFold) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Applies the part of a page this instance has not seen; events at or below the checkpoint are skipped. */
  apply(page: RecordedEvent[]): void {
    if (this.error || page.length === 0) return;
    const last = page[page.length - 1].position;
    if (last <= this.checkpoint) return;
    try {
      this.applyTx(page, last);
      this.checkpoint = last;
      if (this.handles.has(ERASURE_EVENT_TYPE) && page.some((e) => e.type === ERASURE_EVENT_TYPE)) this.flushErasedPages();
      this.stalled = undefined;
    } catch (e) {
      const fault = classifyStorageError(e);
      // Full or failing storage passes (space is freed, the device comes back): keep the file, retry.
      if (fault && fault.kind !== 'corrupt') {
        this.stalled ??= { code: fault.code, since: Date.now() };
        return;
      }
      if (fault?.kind === 'corrupt') this.corrupt = true;
      // A projection bug (or a corrupt file) must not take the others down; it stops here and shows in status and /ready.
      this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }

  /**
   * Ends a from-scratch build: creates the query indexes and goes on like any built file, unsynced
   * under a boot mark (unsynced-mark.ts). The boot mark and the cleared build mark are one durable
   * commit, so the file is never found with neither: a machine restart before it leaves the build
   * mark (built again), one after it a mark of another boot (built again). Nothing else needs
   * syncing here, since a built file's pages are trusted only within this boot anyway; a clean close
   * syncs everything. Without a boot id (not Linux) everything is synced first, as at a clean close.
   * Returns false if a reader kept that checkpoint from completing; the next call tries again.
   */
  finishBuild(): boolean {
    if (!this.unsynced || !this.db.open) return true;
    this.db.pragma(`cache_size = ${this.normalCacheSize}`);
    this.createIndexes();
    if (!beginUnsynced(this.db, () => this.db.pragma('user_version = 0'))) {
      this.db.pragma('synchronous = NORMAL');
      // One fresh WAL frame guarantees the checkpoint has work, and a checkpoint that copies anything
      // syncs the WAL before and the database file after: pages that earlier unsynced checkpoints
      // copied into the database file become durable too.
      this.db.pragma(`user_version = ${UNFINISHED_BUILD}`);
      const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (r.busy !== 0) return false;
      this.db.pragma('user_version = 0');
    }
    this.unsynced = false;
    this.optimize();
    return true;
  }

  /**
   * Refreshes the query planner's statistics where they are missing or stale (PRAGMA optimize, reading
   * at most ~1,000 rows per index): on opening a built file, when a build finishes, and hourly from the
   * runner. With statistics the detention register's queries ran ~30% faster at 34k detentions.
   */
  optimize(): void {
    if (!this.db.open || this.unsynced || this.privateFold) return;
    this.db.pragma('analysis_limit = 1000');
    this.db.pragma('optimize = 0x10002');
    // The pages ANALYZE read stay in the page cache (up to 16 MB per file): +47 MB of RSS over five
    // files at 300k events, against +10 MB once they are released.
    this.db.pragma('shrink_memory');
  }

  /** Query indexes left out while building from position 0 (see Projection.indexes); no-op once they exist. */
  private createIndexes(): void {
    const { indexes } = this.projection;
    if (indexes?.length) this.db.transaction(() => indexes.forEach((sql) => this.db.exec(sql)))();
  }

  close(): void {
    if (this.options.scratch) {
      // A scratch copy may hold personal data in clear (ADR 19): it does not outlive its use.
      if (this.db.open) this.db.close();
      return removeFile(this.file);
    }
    if (!this.db.open) return;
    try {
      // A clean stop keeps the progress of an unfinished build (a crash would discard it), and
      // leaves a finished file synced and unmarked.
      this.finishBuild();
      endUnsynced(this.db);
    } catch {
      // Left marked: rebuilt from scratch on the next open, which is always safe.
    }
    this.db.close();
  }
}
