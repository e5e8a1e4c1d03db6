import type Database from 'better-sqlite3';
import type { ReadModelDb } from '../../runner/projection.js';
import { CounterBuffer } from '../shared/viewer-counters.js';

// Open requests per (viewer country, route, stage) in et_counts, and those with a current deadline
// per (viewer country, deadline, route, stage) in et_due (ADR 27): `extraditionCounts` reads the
// viewer's counts and, for "overdue at now", only the et_due rows before `now`. The deadline is a
// generated column that several events feed, so each event compares the request as counted before
// and after it, instead of knowing which columns it moved.

const counts = new CounterBuffer('et_counts', ['route', 'stage'], ['n']);
const due = new CounterBuffer('et_due', ['deadline_at', 'route', 'stage'], ['n']);

export function setupExtraditionCounters(db: Database.Database): void {
  db.exec(`
    CREATE TABLE et_counts(viewer TEXT NOT NULL, route TEXT NOT NULL, stage TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (viewer, route, stage)) WITHOUT ROWID;
    CREATE TABLE et_due(viewer TEXT NOT NULL, deadline_at TEXT NOT NULL, route TEXT NOT NULL, stage TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (viewer, deadline_at, route, stage)) WITHOUT ROWID;`);
}

export function endExtraditionCounters(rm: ReadModelDb, failed: boolean): void {
  counts.endBatch(rm, failed);
  due.endBatch(rm, failed);
}

export interface Counted { route: string; stage: string; deadlineAt: string | null; n: number }

const COUNTED = "SELECT route, ifnull(stage, 'requested') AS stage, deadline_at AS deadlineAt, count(*) AS n";
/** A write's RETURNING clause giving the request as counted after it (n: 1 while open, else 0). */
export const COUNTED_AFTER = "RETURNING route, ifnull(stage, 'requested') AS stage, deadline_at AS deadlineAt, (status = 'open') AS n";

function add(rm: ReadModelDb, viewers: readonly string[], r: Counted, sign: number): void {
  counts.add(rm, viewers, [r.route, r.stage], [sign * r.n]);
  if (r.deadlineAt !== null) due.add(rm, viewers, [r.deadlineAt, r.route, r.stage], [sign * r.n]);
}

/** Applies `change` (which returns the request as counted after it) and moves its count from how it stood before. */
export function recountExtradition(rm: ReadModelDb, caseId: unknown, extraditionId: unknown, change: () => Counted | undefined): void {
  // The case's viewers come with the first read and the state after with the write (RETURNING):
  // the write path pays per statement, not per row.
  const before = rm.stmt(`${COUNTED}, (SELECT group_concat(country, ',') FROM case_viewers WHERE case_id = @c) AS viewers
    FROM et_extraditions WHERE case_id = @c AND extradition_id = @x AND status = 'open'`).get({ c: caseId, x: extraditionId }) as Counted & { viewers: string | null };
  const after = change() ?? { ...before, n: 0 };
  if (before.viewers === null) return;
  if (before.n === after.n && before.route === after.route && before.stage === after.stage && before.deadlineAt === after.deadlineAt) return;
  const viewers = before.viewers.split(',');
  if (before.n) add(rm, viewers, before, -1);
  if (after.n) add(rm, viewers, after, 1);
}

/** A country gained (1) or lost (-1) the case: all its open requests, for that country only. */
export function countCaseFor(rm: ReadModelDb, caseId: unknown, country: string, sign: 1 | -1): void {
  const rows = rm.stmt(`${COUNTED} FROM et_extraditions WHERE case_id = ? AND status = 'open' GROUP BY route, stage, deadline_at`).all(caseId) as Counted[];
  for (const r of rows) add(rm, [country], r, sign);
}
