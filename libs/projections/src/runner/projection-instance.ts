import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import { createReadModelDb, type Projection, type ReadModelDb } from './projection.js';
import { openReadModelFile } from './projection-files.js';

/** One open generation of one projection: its file, its checkpoint, and the batch it applies. */
export class ProjectionInstance {
  readonly db: Database.Database;
  readonly rm: ReadModelDb;
  checkpoint: bigint;
  error: string | undefined;
  private readonly handles: ReadonlySet<string>;
  private readonly applyTx: (events: RecordedEvent[], last: bigint) => void;

  constructor(readonly projection: Projection, readonly file: string) {
    this.db = openReadModelFile(file, projection);
    this.rm = createReadModelDb(this.db);
    this.handles = new Set(projection.canHandle);
    const row = this.db.prepare('SELECT position FROM _checkpoint WHERE id = 1').get() as { position: number | bigint };
    this.checkpoint = BigInt(row.position);
    const save = this.db.prepare('UPDATE _checkpoint SET position = ? WHERE id = 1');
    // Rows and checkpoint commit together: after a crash the model is exactly "all events <= checkpoint".
    this.applyTx = this.db.transaction((events: RecordedEvent[], last: bigint) => {
      for (const e of events) {
        if (e.position > this.checkpoint && this.handles.has(e.type)) this.projection.evolve(this.rm, e);
      }
      save.run(last);
    });
  }

  /** Applies the part of a page this instance has not seen; events at or below the checkpoint are skipped. */
  apply(page: RecordedEvent[]): void {
    if (this.error || page.length === 0) return;
    const last = page[page.length - 1].position;
    if (last <= this.checkpoint) return;
    try {
      this.applyTx(page, last);
      this.checkpoint = last;
    } catch (e) {
      // A projection bug must not take the others down; it stops here and shows in status and /ready.
      this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
