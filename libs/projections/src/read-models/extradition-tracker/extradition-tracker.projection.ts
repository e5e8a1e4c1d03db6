import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, setupCaseAccess } from '../../access/access-policy.js';
import { utc, type Data } from '../shared/read-model-helpers.js';
import { evolveCaseViewers, setupCaseViewers } from '../shared/viewer-counters.js';
import { countCaseFor, COUNTED_AFTER, endExtraditionCounters, recountExtradition, setupExtraditionCounters, type Counted } from './extradition-counters.js';

/**
 * Extradition requests with their current stage and the deadline that matters now. Each event sets
 * columns from its own data; the current deadline is a generated column, so no event has to read
 * state first:
 * - closed (refused or surrendered): none;
 * - the stage started a decision deadline (or none) and the decision is taken: none (the hand-over
 *   deadline starts with 'decision-final');
 * - otherwise, before the decision: the earlier of the stage's decision deadline and the one counted
 *   from the person's consent;
 * - a formal-request or hand-over deadline: that deadline.
 * Open requests are also counted per viewer country, route, stage and deadline (extradition-counters.ts, ADR 27).
 */
export const extraditionTrackerProjection: Projection = {
  name: 'extradition-tracker',
  // 2: open requests counted per viewer country (et_counts, et_due; ADR 27).
  version: 2,
  canHandle: [
    ...CASE_ACCESS_EVENTS, 'ExtraditionRequested', 'ExtraditionConsentRecorded', 'ExtraditionStageReached',
    'ExtraditionDecided', 'PersonSurrendered',
  ],
  indexes: [
    "CREATE INDEX IF NOT EXISTS et_open_by_deadline ON et_extraditions(ifnull(deadline_at, '~'), case_id, extradition_id) WHERE status = 'open'",
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    db.exec(`
      CREATE TABLE et_extraditions(case_id TEXT NOT NULL, extradition_id TEXT NOT NULL, person_id TEXT NOT NULL,
        route TEXT NOT NULL, requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL, sent_at TEXT NOT NULL,
        stage TEXT, stage_since TEXT NOT NULL, stage_deadline_at TEXT, stage_deadline_for TEXT,
        consented_at TEXT, consent_deadline_at TEXT, decision TEXT, decided_at TEXT, surrendered_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'refused', 'surrendered')),
        deadline_at TEXT GENERATED ALWAYS AS (CASE
          WHEN status <> 'open' THEN NULL
          WHEN stage_deadline_for IS NULL OR stage_deadline_for = 'decision' THEN
            CASE WHEN decision IS NOT NULL THEN NULL
                 WHEN consent_deadline_at IS NULL THEN stage_deadline_at
                 WHEN stage_deadline_at IS NULL OR consent_deadline_at < stage_deadline_at THEN consent_deadline_at
                 ELSE stage_deadline_at END
          ELSE stage_deadline_at END) VIRTUAL,
        deadline_for TEXT GENERATED ALWAYS AS (CASE WHEN deadline_at IS NULL THEN NULL
          ELSE coalesce(stage_deadline_for, 'decision') END) VIRTUAL,
        PRIMARY KEY (case_id, extradition_id)) WITHOUT ROWID;`);
    setupCaseViewers(db);
    setupExtraditionCounters(db);
  },
  endBatch: endExtraditionCounters,
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    if ((CASE_ACCESS_EVENTS as readonly string[]).includes(event.type)) {
      const { country, change } = evolveCaseViewers(rm, event);
      if (change !== 0) countCaseFor(rm, d.caseId, country, change);
      return;
    }
    recountExtradition(rm, d.caseId, d.extraditionId, () => applyRequestEvent(rm, event.type, d));
  },
};

/** Sets the request's columns from one event's own data; returns the request as counted after it (none: not there). */
function applyRequestEvent(rm: ReadModelDb, type: string, d: Data): Counted | undefined {
  switch (type) {
    case 'ExtraditionRequested':
      return rm.stmt(`INSERT OR REPLACE INTO et_extraditions(case_id, extradition_id, person_id, route, requesting_country,
          requested_country, sent_at, stage_since, status) VALUES (?,?,?,?,?,?,?,?,'open') ${COUNTED_AFTER}`)
        .get(d.caseId, d.extraditionId, d.personId, d.route, d.requestingCountry, d.requestedCountry, utc(d.sentAt), utc(d.sentAt)) as Counted;
    case 'ExtraditionConsentRecorded':
      return rm.stmt(`UPDATE et_extraditions SET consented_at = ?, consent_deadline_at = ? WHERE case_id = ? AND extradition_id = ? ${COUNTED_AFTER}`)
        .get(utc(d.consentedAt), utc(d.decisionDeadlineAt), d.caseId, d.extraditionId) as Counted | undefined;
    case 'ExtraditionStageReached':
      return rm.stmt(`UPDATE et_extraditions SET stage = ?, stage_since = ?, stage_deadline_at = ?, stage_deadline_for = ?
          WHERE case_id = ? AND extradition_id = ? ${COUNTED_AFTER}`)
        .get(d.stage, utc(d.reachedAt), utc(d.deadlineAt), d.deadlineAt ? (d.deadlineFor ?? null) : null, d.caseId, d.extraditionId) as Counted | undefined;
    case 'ExtraditionDecided':
      return rm.stmt(`UPDATE et_extraditions SET decision = @outcome, decided_at = @at,
          status = CASE WHEN @outcome = 'refused' THEN 'refused' ELSE status END WHERE case_id = @caseId AND extradition_id = @id ${COUNTED_AFTER}`)
        .get({ outcome: d.outcome, at: utc(d.decidedAt), caseId: d.caseId, id: d.extraditionId }) as Counted | undefined;
    case 'PersonSurrendered':
      return rm.stmt(`UPDATE et_extraditions SET surrendered_at = ?, status = 'surrendered' WHERE case_id = ? AND extradition_id = ? ${COUNTED_AFTER}`)
        .get(utc(d.surrenderedAt), d.caseId, d.extraditionId) as Counted | undefined;
    default:
      return undefined;
  }
}
