import type Database from 'better-sqlite3';
import { openEventsDatabase } from '@liaison/event-store';

// The seal's bulk path into the new events.db: rows inserted with their original global position,
// revision and record time, in one fsync'd transaction per chunk. It bypasses the adapter's append
// on purpose: an append assigns a new position and record time, while a sealed copy must keep the
// old ones (ADR 19: access records' `readAt` and read-model checkpoints name positions).

/** One row in EVENT_COLUMNS order, data and metadata already JSON text. */
export type SealedRow = [position: number, eventId: string, streamId: string, revision: number, type: string, data: string, metadata: string, recordedAt: string];

export class SealWriter {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertAll: (rows: readonly SealedRow[]) => void;

  constructor(file: string) {
    // The store's own schema and durability pragmas (WAL, synchronous=FULL).
    this.db = openEventsDatabase(file);
    this.insert = this.db.prepare(
      'INSERT INTO events (global_position, event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAll = this.db.transaction((rows: readonly SealedRow[]) => {
      for (const row of rows) this.insert.run(...row);
    });
  }

  /** Durable when it returns (one transaction, one fsync). */
  write(rows: readonly SealedRow[]): void {
    if (rows.length > 0) this.insertAll(rows);
  }

  /** Folds the WAL into the file and removes it, so the new store is one self-contained file. */
  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
