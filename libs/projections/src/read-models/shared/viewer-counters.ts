import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { evolveCaseAccessChange } from '../../access/access-policy.js';

// Aggregates kept pre-summed per viewer country (ADR 27): a dashboard count then reads the viewer's few
// counter rows instead of grouping every visible row at query time. The counters follow the access
// rule exactly: a row counts for every country in case_access for its case, and an access event adds
// or removes the whole case's contribution for the one country that gained or lost the case.

/** `case_viewers(case_id, country)`: the countries that may see each case, looked up by case (case_access is keyed by country first). */
export function setupCaseViewers(db: Database.Database): void {
  db.exec('CREATE TABLE case_viewers(case_id TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (case_id, country)) WITHOUT ROWID;');
}

/** Applies an access event (keeping case_viewers in step); the country that gained (1) or lost (-1) the case, or change 0. */
export const evolveCaseViewers = (rm: ReadModelDb, event: RecordedEvent): { country: string; change: 1 | -1 | 0 } =>
  evolveCaseAccessChange(rm, event, 'case_viewers');

export function caseViewers(rm: ReadModelDb, caseId: unknown): string[] {
  return rm.stmt('SELECT country FROM case_viewers WHERE case_id = ?').pluck().all(caseId) as string[];
}

/**
 * Deltas to counter rows `table(viewer, ...keys, ...values)`, summed in memory over a batch and written
 * once per touched row in endBatch (same transaction). Rows whose values all reach 0 are deleted, so
 * the file's contents are a function of the state (a rebuild equals the incremental file). Pending
 * deltas are kept per connection: several files of one projection may be open in one process.
 */
export class CounterBuffer {
  private readonly pending = new WeakMap<ReadModelDb, Map<string, { key: string[]; deltas: number[] }>>();
  private readonly upsert: string;
  private readonly remove: string;

  constructor(table: string, keys: readonly string[], values: readonly string[]) {
    const columns = ['viewer', ...keys];
    this.upsert = `INSERT INTO ${table}(${[...columns, ...values].join(', ')}) VALUES (${[...columns, ...values].map(() => '?').join(', ')})
      ON CONFLICT DO UPDATE SET ${values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')} RETURNING ${values.join(', ')}`;
    this.remove = `DELETE FROM ${table} WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')}`;
  }

  /** Adds `deltas` (one per value column) to the row (viewer, ...key) of every viewer. */
  add(rm: ReadModelDb, viewers: readonly string[], key: readonly string[], deltas: readonly number[]): void {
    let rows = this.pending.get(rm);
    if (!rows) this.pending.set(rm, (rows = new Map()));
    for (const viewer of viewers) {
      const k = [viewer, ...key];
      const id = k.join('\u0000');
      const row = rows.get(id);
      if (row) deltas.forEach((d, i) => { row.deltas[i] += d; });
      else rows.set(id, { key: k, deltas: [...deltas] });
    }
  }

  /** Writes the batch's deltas (or drops them when the batch failed: its transaction rolls back). */
  endBatch(rm: ReadModelDb, failed: boolean): void {
    const rows = this.pending.get(rm);
    this.pending.delete(rm);
    if (failed || !rows) return;
    const upsert = rm.stmt(this.upsert).raw(true);
    for (const { key, deltas } of rows.values()) {
      if (deltas.every((d) => d === 0)) continue;
      const after = upsert.get(...key, ...deltas) as number[];
      if (after.every((v) => v === 0)) rm.stmt(this.remove).run(...key);
    }
  }
}
