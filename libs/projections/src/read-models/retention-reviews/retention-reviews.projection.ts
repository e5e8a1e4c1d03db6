import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import { occurredAt, str, utc, type Data } from '../shared/read-model-helpers.js';
import { rectifyNames } from '../shared/rectified-names.js';
import { evolveRestriction, RESTRICTION_EVENTS, setupRestrictions } from '../shared/restrictions.js';

/**
 * LED Art. 5 periodic reviews: one row per registered person with what its next review date is
 * computed from (registration, category, the last review's keepUntil). The date itself is computed at
 * query time from the retention policy the query is given, so a changed policy applies at once, with
 * no rebuild. Keyed writes with the event's own values only: idempotent by position.
 */
export const retentionReviewsProjection: Projection = {
  name: 'retention-reviews',
  // 2: unreviewed persons indexed by category and registration (one range per category, ADR 29).
  version: 2,
  // The query reads index ranges (reviewed: by keepUntil; not reviewed: per category by registration), not every person (ADR 27, 29).
  indexes: [
    'CREATE INDEX IF NOT EXISTS rr_by_keep_until ON rr_persons(keep_until) WHERE keep_until IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS rr_by_category_registered ON rr_persons(category, registered_at) WHERE keep_until IS NULL',
  ],
  canHandle: [...CASE_ACCESS_EVENTS, 'PersonRegistered', 'PersonalDataRectified', 'RetentionReviewed', 'PersonalDataErased', ...RESTRICTION_EVENTS],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    setupRestrictions(db);
    db.exec(`CREATE TABLE rr_persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL,
      name TEXT, pseudonym TEXT, registered_at TEXT NOT NULL, keep_until TEXT, reviewed_at TEXT,
      PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    if (evolveCaseAccess(rm, event) || evolveRestriction(rm, event)) return;
    const d = event.data as Data;
    switch (event.type) {
      case 'PersonRegistered':
        rm.stmt(`INSERT OR REPLACE INTO rr_persons(case_id, person_id, category, name, pseudonym, registered_at, keep_until, reviewed_at)
            VALUES (?,?,?,?,?,?,NULL,NULL)`)
          .run(d.caseId, d.personId, d.category, str(d.name), str(d.pseudonym), occurredAt(event));
        return;
      case 'PersonalDataRectified':
        rectifyNames(rm, event, 'rr_persons');
        return;
      case 'PersonalDataErased':
        // Erasure ends the person's retention: nothing is left to review (ADR 19).
        rm.stmt('DELETE FROM rr_persons WHERE case_id = ? AND person_id = ?').run(d.caseId, d.personId);
        return;
      case 'RetentionReviewed':
        rm.stmt('UPDATE rr_persons SET keep_until = ?, reviewed_at = ? WHERE case_id = ? AND person_id = ?')
          .run(utc(d.keepUntil), occurredAt(event), d.caseId, d.personId);
        return;
    }
  },
};
