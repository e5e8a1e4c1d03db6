import type Database from 'better-sqlite3';
import type { ReadModelDb } from '../../runner/projection.js';
import { caseViewers, CounterBuffer } from '../shared/viewer-counters.js';
import { isRestricted } from './detention-counters.js';

// Detentions over time from counters per viewer country and UTC hour (ADR 29), so the Overview's
// chart reads the viewer's hour rows in its range instead of every visible detention. Per hour slot h
// (instants in [h, h + 1 h)): starts in it (s_in), starts exactly at h (s_at), the same for ends, and
// the restricted persons' part of each (rs_*, re_*), which the default answer leaves out. A bucket
// edge on a whole hour then splits every count exactly ("at or before the edge" = the slots below it
// plus the starts exactly at it). Detentions not yet ended are counted in dr_ot_open instead of by an
// end slot. A detention whose instants are not canonical or that ends before it starts (no command
// produces one) is only counted in dr_ot_open.odd: a viewer who sees one gets the from-scratch query.

export const SLOT_MS = 3_600_000;

const slots = new CounterBuffer('dr_ot_slots', ['slot'], ['s_in', 's_at', 'e_in', 'e_at', 'rs_in', 'rs_at', 're_in', 're_at']);
const opens = new CounterBuffer('dr_ot_open', [], ['open', 'restricted', 'odd']);

export function setupOverTimeCounters(db: Database.Database): void {
  db.exec(`
    CREATE TABLE dr_ot_slots(viewer TEXT NOT NULL, slot INTEGER NOT NULL, s_in INTEGER NOT NULL, s_at INTEGER NOT NULL,
      e_in INTEGER NOT NULL, e_at INTEGER NOT NULL, rs_in INTEGER NOT NULL, rs_at INTEGER NOT NULL, re_in INTEGER NOT NULL,
      re_at INTEGER NOT NULL, PRIMARY KEY (viewer, slot)) WITHOUT ROWID;
    CREATE TABLE dr_ot_open(viewer TEXT NOT NULL PRIMARY KEY, open INTEGER NOT NULL, restricted INTEGER NOT NULL,
      odd INTEGER NOT NULL) WITHOUT ROWID;`);
}

export const endOverTimeCounters = (rm: ReadModelDb, failed: boolean): void => {
  slots.endBatch(rm, failed);
  opens.endBatch(rm, failed);
};

/** A detention row as stored (dr_detentions). */
export interface Span { personId: string; detainedAt: string; endedAt: string | null }

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds of a canonical stored instant (whose string order is its time order), else undefined. */
export function canonicalMs(value: string): number | undefined {
  const ms = CANONICAL.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function instants(span: Span): { s: number; e: number | null } | undefined {
  const s = canonicalMs(span.detainedAt);
  const e = span.endedAt === null ? null : canonicalMs(span.endedAt);
  return s === undefined || e === undefined || (e !== null && e < s) ? undefined : { s, e };
}

const slotOf = (ms: number) => String(Math.floor(ms / SLOT_MS));
const onEdge = (ms: number) => (ms % SLOT_MS === 0 ? 1 : 0);

/** Adds `all` to the counts and `restricted` to the restricted part, for each viewer (an odd row: `all` to odd). */
function add(rm: ReadModelDb, viewers: readonly string[], span: Span, all: number, restricted: number): void {
  const at = instants(span);
  if (!at) {
    if (all !== 0) opens.add(rm, viewers, [], [0, 0, all]);
    return;
  }
  const { s, e } = at;
  slots.add(rm, viewers, [slotOf(s)], [all, all * onEdge(s), 0, 0, restricted, restricted * onEdge(s), 0, 0]);
  if (e === null) opens.add(rm, viewers, [], [all, restricted, 0]);
  else slots.add(rm, viewers, [slotOf(e)], [0, 0, all, all * onEdge(e), 0, 0, restricted, restricted * onEdge(e)]);
}

const SPAN = 'person_id AS personId, detained_at AS detainedAt, ended_at AS endedAt';

/** The stored row of a detention, before an event changes it. */
export function spanOf(rm: ReadModelDb, caseId: unknown, detentionId: unknown): Span | undefined {
  return rm.stmt(`SELECT ${SPAN} FROM dr_detentions WHERE case_id = ? AND detention_id = ?`).get(caseId, detentionId) as Span | undefined;
}

/**
 * One detention row counted as `after` instead of `before` (either absent: newly counted, or no longer)
 * for everyone who sees its case; the case's viewers and the person's restriction are read once.
 */
export function recountSpan(rm: ReadModelDb, caseId: unknown, before: Span | undefined, after: Span | undefined): void {
  if (!before && !after) return;
  const viewers = caseViewers(rm, caseId);
  if (viewers.length === 0) return;
  const restrictedBefore = before !== undefined && isRestricted(rm, caseId, before.personId);
  if (before) add(rm, viewers, before, -1, restrictedBefore ? -1 : 0);
  if (!after) return;
  // A detention recorded again may name another person, whose restriction is their own.
  const restrictedAfter = before?.personId === after.personId ? restrictedBefore : isRestricted(rm, caseId, after.personId);
  add(rm, viewers, after, 1, restrictedAfter ? 1 : 0);
}

/** A person became restricted (1) or was lifted (-1): all their detentions move in or out of the restricted part. */
export function restrictSpans(rm: ReadModelDb, caseId: unknown, personId: unknown, sign: 1 | -1): void {
  const rows = rm.stmt(`SELECT ${SPAN} FROM dr_detentions WHERE case_id = ? AND person_id = ?`).all(caseId, personId) as Span[];
  if (rows.length === 0) return;
  const viewers = caseViewers(rm, caseId);
  for (const row of rows) add(rm, viewers, row, 0, sign);
}

/** A country gained (1) or lost (-1) the case: every detention of the case, for that country only. */
export function countCaseSpansFor(rm: ReadModelDb, caseId: unknown, country: string, sign: 1 | -1): void {
  const rows = rm.stmt(`SELECT d.person_id AS personId, d.detained_at AS detainedAt, d.ended_at AS endedAt, r.person_id IS NOT NULL AS restricted
    FROM dr_detentions d LEFT JOIN restricted_persons r ON r.case_id = d.case_id AND r.person_id = d.person_id
    WHERE d.case_id = ?`).all(caseId) as (Span & { restricted: number })[];
  for (const row of rows) add(rm, [country], row, sign, row.restricted ? sign : 0);
}
