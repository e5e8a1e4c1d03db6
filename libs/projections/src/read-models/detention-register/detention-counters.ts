import type Database from 'better-sqlite3';
import type { ReadModelDb } from '../../runner/projection.js';
import { caseViewers, CounterBuffer, setupCaseViewers } from '../shared/viewer-counters.js';

// Open detentions by (viewer country, nationality, holding country), kept as the register changes
// (ADR 27), so `detentionCounts` reads the viewer's counter rows instead of grouping every visible
// detention. One open detention adds 1 under each of its person's current nationalities ('' for none)
// for every country that sees its case; `restricted` counts the part whose person is restricted, which
// the default answer leaves out (LED Art. 16(3)).

const counters = new CounterBuffer('dr_counts', ['nationality', 'holding_country'], ['open', 'restricted']);

export function setupDetentionCounters(db: Database.Database): void {
  setupCaseViewers(db);
  db.exec(`
    CREATE TABLE dr_counts(viewer TEXT NOT NULL, nationality TEXT NOT NULL, holding_country TEXT NOT NULL,
      open INTEGER NOT NULL, restricted INTEGER NOT NULL, PRIMARY KEY (viewer, nationality, holding_country)) WITHOUT ROWID;
    -- A person's open detentions, for the events that move them between groups (nationality, restriction).
    -- A table kept beside dr_detentions, not an index: a file built from 0 gets indexes only at the end (ADR 5).
    CREATE TABLE dr_open_by_person(case_id TEXT NOT NULL, person_id TEXT NOT NULL, detention_id TEXT NOT NULL,
      holding_country TEXT NOT NULL, PRIMARY KEY (case_id, person_id, detention_id)) WITHOUT ROWID;`);
}

/** Keeps dr_open_by_person in step when a detention opens (1) or stops being open (-1), and counts it. */
export function openOrClose(rm: ReadModelDb, caseId: unknown, detentionId: unknown, d: { personId: string; holding: string }, sign: 1 | -1): void {
  if (sign === 1) {
    rm.stmt('INSERT OR REPLACE INTO dr_open_by_person(case_id, person_id, detention_id, holding_country) VALUES (?,?,?,?)')
      .run(caseId, d.personId, detentionId, d.holding);
  } else rm.stmt('DELETE FROM dr_open_by_person WHERE case_id = ? AND person_id = ? AND detention_id = ?').run(caseId, d.personId, detentionId);
  countDetention(rm, caseId, d, sign);
}

export const endDetentionCounters = (rm: ReadModelDb, failed: boolean): void => counters.endBatch(rm, failed);

const nationalitiesOf = (rm: ReadModelDb, caseId: unknown, personId: unknown): string[] =>
  rm.stmt('SELECT country FROM dr_nationalities WHERE case_id = ? AND person_id = ?').pluck().all(caseId, personId) as string[];

export const isRestricted = (rm: ReadModelDb, caseId: unknown, personId: unknown): boolean =>
  rm.stmt('SELECT 1 FROM restricted_persons WHERE case_id = ? AND person_id = ?').get(caseId, personId) !== undefined;

/** The open detention (case, detention) as counted: its person and holding country, or undefined when absent or ended. */
export function openDetention(rm: ReadModelDb, caseId: unknown, detentionId: unknown): { personId: string; holding: string } | undefined {
  return rm.stmt(`SELECT person_id AS personId, holding_country AS holding FROM dr_detentions
    WHERE case_id = ? AND detention_id = ? AND ended_at IS NULL`).get(caseId, detentionId) as { personId: string; holding: string } | undefined;
}

/** Counts (sign 1) or uncounts (-1) one open detention for everyone who sees its case. */
function countDetention(rm: ReadModelDb, caseId: unknown, d: { personId: string; holding: string }, sign: 1 | -1): void {
  const viewers = caseViewers(rm, caseId);
  if (viewers.length === 0) return;
  const restricted = isRestricted(rm, caseId, d.personId) ? sign : 0;
  const nationalities = nationalitiesOf(rm, caseId, d.personId);
  for (const n of nationalities.length ? nationalities : ['']) counters.add(rm, viewers, [n, d.holding], [sign, restricted]);
}

/** A person's open detentions per holding country. */
const openOfPerson = (rm: ReadModelDb, caseId: unknown, personId: unknown): { holding: string; n: number }[] =>
  rm.stmt(`SELECT holding_country AS holding, count(*) AS n FROM dr_open_by_person WHERE case_id = ? AND person_id = ?
    GROUP BY holding_country`).all(caseId, personId) as { holding: string; n: number }[];

/**
 * Applies `change` to a person's nationalities (it returns the countries it really added, or removed)
 * and moves their open detentions between groups: a nationality gained or lost moves them into or out
 * of its group, and the first ones gained (last ones lost) take them out of (back into) the '' group.
 */
export function changeNationalities(rm: ReadModelDb, caseId: unknown, personId: unknown, sign: 1 | -1, change: () => string[]): void {
  const changed = change();
  if (changed.length === 0) return;
  const open = openOfPerson(rm, caseId, personId);
  if (open.length === 0) return;
  const viewers = caseViewers(rm, caseId);
  const restricted = isRestricted(rm, caseId, personId) ? 1 : 0;
  const others = nationalitiesOf(rm, caseId, personId).filter((c) => !changed.includes(c)).length;
  for (const { holding, n } of open) {
    for (const country of changed) counters.add(rm, viewers, [country, holding], [sign * n, sign * n * restricted]);
    if (others === 0) counters.add(rm, viewers, ['', holding], [-sign * n, -sign * n * restricted]);
  }
}

/** A person became restricted (1) or was lifted (-1): their open detentions move in or out of `restricted`. */
export function restrictPerson(rm: ReadModelDb, caseId: unknown, personId: unknown, sign: 1 | -1): void {
  const open = openOfPerson(rm, caseId, personId);
  if (open.length === 0) return;
  const viewers = caseViewers(rm, caseId);
  const nationalities = nationalitiesOf(rm, caseId, personId);
  for (const { holding, n } of open) {
    for (const c of nationalities.length ? nationalities : ['']) counters.add(rm, viewers, [c, holding], [0, sign * n]);
  }
}

/** A country gained (1) or lost (-1) the case: the case's whole open contribution, for that country only. */
export function countCaseFor(rm: ReadModelDb, caseId: unknown, country: string, sign: 1 | -1): void {
  const rows = rm.stmt(`SELECT ifnull(n.country, '') AS nationality, d.holding_country AS holding, count(*) AS open,
      count(r.person_id) AS restricted
    FROM dr_detentions d LEFT JOIN dr_nationalities n ON n.case_id = d.case_id AND n.person_id = d.person_id
    LEFT JOIN restricted_persons r ON r.case_id = d.case_id AND r.person_id = d.person_id
    WHERE d.case_id = ? AND d.ended_at IS NULL GROUP BY 1, 2`).all(caseId) as { nationality: string; holding: string; open: number; restricted: number }[];
  for (const r of rows) counters.add(rm, [country], [r.nationality, r.holding], [sign * r.open, sign * r.restricted]);
}
