import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { occurredAt, type Data } from './read-model-helpers.js';

// LED Art. 16(3): a restricted person's record stays but leaves lists and counts by default. Every read
// model that lists or counts persons keeps the same small table from the same two events and filters
// with the same SQL, so "restricted" means one thing everywhere. Keyed writes only: idempotent by position.

export const RESTRICTION_EVENTS = ['ProcessingRestricted', 'RestrictionLifted'] as const;

/** Whether a query shows restricted persons too (marked); the API decides who may ask (audit:read or a purpose). */
export interface RestrictionOption {
  includeRestricted?: boolean;
}

export interface RestrictionMarker {
  ground: string;
  since: string;
}

export function setupRestrictions(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS restricted_persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, ground TEXT NOT NULL,
    since TEXT NOT NULL, PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;`);
}

/** Applies a restriction event; false for any other event. */
export function evolveRestriction(rm: ReadModelDb, event: RecordedEvent): boolean {
  const d = event.data as Data;
  if (event.type === 'ProcessingRestricted') {
    rm.stmt('INSERT OR REPLACE INTO restricted_persons(case_id, person_id, ground, since) VALUES (?,?,?,?)')
      .run(d.caseId, d.personId, d.ground, occurredAt(event));
    return true;
  }
  if (event.type === 'RestrictionLifted') {
    rm.stmt('DELETE FROM restricted_persons WHERE case_id = ? AND person_id = ?').run(d.caseId, d.personId);
    return true;
  }
  return false;
}

/** SQL condition: the row's person (`alias`.case_id, `alias`.`personColumn`) is not restricted. */
export const unrestricted = (alias: string, personColumn = 'person_id'): string =>
  `NOT EXISTS (SELECT 1 FROM restricted_persons rp WHERE rp.case_id = ${alias}.case_id AND rp.person_id = ${alias}.${personColumn})`;

/** Adds the default exclusion to a WHERE list unless the query asked for restricted persons too. */
export function excludeRestricted(where: string[], alias: string, option: RestrictionOption | undefined, personColumn?: string): void {
  if (!option?.includeRestricted) where.push(unrestricted(alias, personColumn));
}

/** SQL columns giving a person's restriction (NULLs when not restricted), to turn into a marker with restrictionOf. */
export const restrictionColumns = (alias: string, personColumn = 'person_id'): string =>
  `(SELECT rp.ground FROM restricted_persons rp WHERE rp.case_id = ${alias}.case_id AND rp.person_id = ${alias}.${personColumn}) AS restrictionGround,
   (SELECT rp.since FROM restricted_persons rp WHERE rp.case_id = ${alias}.case_id AND rp.person_id = ${alias}.${personColumn}) AS restrictedSince`;

/**
 * `{ restriction }` for a restricted row, `{}` otherwise: an answer about unrestricted persons is
 * exactly what it was before restrictions existed, so earlier access records still reproduce to their hash.
 */
export function restrictionOf(row: { restrictionGround?: string | null; restrictedSince?: string | null }): { restriction?: RestrictionMarker } {
  return row.restrictionGround ? { restriction: { ground: row.restrictionGround, since: row.restrictedSince ?? '' } } : {};
}
