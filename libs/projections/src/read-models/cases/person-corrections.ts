import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { occurredAt, prepared, str, type Data } from '../shared/read-model-helpers.js';

// LED Art. 16: a rectified field shows its corrected value, and every country that sees the person
// sees that it was corrected, when, and by whom (the acting officer and country, from event metadata).

/** The persons table's column for each rectifiable field. */
const COLUMNS: Record<string, string> = { name: 'name', pseudonym: 'pseudonym', birthYear: 'birth_year', aliases: 'aliases' };

export interface Correction {
  field: string;
  correctedAt: string;
  correctedBy: string;
  correctedByCountry: string;
}

export function setupPersonCorrections(db: Database.Database): void {
  db.exec(`CREATE TABLE person_corrections(case_id TEXT NOT NULL, person_id TEXT NOT NULL, field TEXT NOT NULL,
    corrected_at TEXT NOT NULL, corrected_by TEXT NOT NULL, corrected_country TEXT NOT NULL,
    PRIMARY KEY (case_id, person_id, field)) WITHOUT ROWID;`);
}

/** Keyed writes with the event's own values: applying it again leaves the same rows. The last correction per field wins. */
export function evolvePersonCorrection(rm: ReadModelDb, event: RecordedEvent): void {
  const d = event.data as Data;
  const column = COLUMNS[String(d.field)];
  if (!column) return;
  const value = d.field === 'aliases' ? JSON.stringify(Array.isArray(d.value) ? d.value : []) : (d.value ?? null);
  rm.stmt(`UPDATE persons SET ${column} = ? WHERE case_id = ? AND person_id = ?`).run(value, d.caseId, d.personId);
  rm.stmt(`INSERT OR REPLACE INTO person_corrections(case_id, person_id, field, corrected_at, corrected_by, corrected_country)
      VALUES (?,?,?,?,?,?)`)
    .run(d.caseId, d.personId, d.field, occurredAt(event), str(event.metadata.actor) ?? '', str(event.metadata.country) ?? '');
}

/** Each person's corrections, by person id; absent for persons never corrected. */
export function correctionsOf(db: Database.Database, caseId: string): Map<string, Correction[]> {
  const rows = prepared(db, `SELECT person_id AS personId, field, corrected_at AS correctedAt, corrected_by AS correctedBy,
      corrected_country AS correctedByCountry FROM person_corrections WHERE case_id = ? ORDER BY person_id, field`)
    .all(caseId) as (Correction & { personId: string })[];
  const out = new Map<string, Correction[]>();
  for (const { personId, ...c } of rows) out.set(personId, [...(out.get(personId) ?? []), c]);
  return out;
}
