import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import { CASE_EVENT_TYPES } from '@liaison/domain';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import { occurredAt, utc, type Data } from '../shared/read-model-helpers.js';
import { evolveRestriction, setupRestrictions } from '../shared/restrictions.js';
import { evolvePersonCorrection, setupPersonCorrections } from './person-corrections.js';

/**
 * Case list and case detail. Owner, title and handling code live in case_meta (shared with the
 * access policy); sharing is case_access. Every write is a keyed INSERT/UPDATE that sets values
 * from the event alone (never increments), so re-applying a suffix of the log is harmless.
 */
export const casesProjection: Projection = {
  name: 'cases',
  // 2: persons keep their aliases. 3: restrictions and corrections (LED Art. 16). 4: erasure (ADR 19).
  version: 4,
  canHandle: CASE_EVENT_TYPES,
  indexes: ['CREATE INDEX IF NOT EXISTS cases_by_position ON cases(last_position DESC, case_id DESC)'],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    setupRestrictions(db);
    setupPersonCorrections(db);
    db.exec(`
      CREATE TABLE cases(case_id TEXT PRIMARY KEY, offence_category TEXT NOT NULL, status TEXT NOT NULL,
        status_reason TEXT, opened_at TEXT NOT NULL, opened_by TEXT NOT NULL, last_event_at TEXT NOT NULL,
        revision INTEGER NOT NULL, last_position INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL, name TEXT,
        pseudonym TEXT, aliases TEXT NOT NULL DEFAULT '[]', birth_year INTEGER, erased_at TEXT, erasure_basis TEXT,
        PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;
      CREATE TABLE nationalities(case_id TEXT NOT NULL, person_id TEXT NOT NULL, country TEXT NOT NULL,
        source TEXT, information INTEGER, retracted_reason TEXT, retracted_at TEXT,
        PRIMARY KEY (case_id, person_id, country)) WITHOUT ROWID;
      CREATE TABLE detentions(case_id TEXT NOT NULL, detention_id TEXT NOT NULL, person_id TEXT NOT NULL,
        holding_country TEXT NOT NULL, facility TEXT NOT NULL, legal_basis TEXT NOT NULL, detained_at TEXT NOT NULL,
        next_custody_review_at TEXT NOT NULL, ended_at TEXT, outcome TEXT,
        PRIMARY KEY (case_id, detention_id)) WITHOUT ROWID;
      CREATE TABLE handlers(case_id TEXT NOT NULL, handler_id TEXT NOT NULL, alias TEXT NOT NULL,
        believed_country TEXT NOT NULL, platforms TEXT NOT NULL, source TEXT, information INTEGER,
        PRIMARY KEY (case_id, handler_id)) WITHOUT ROWID;
      CREATE TABLE handler_links(case_id TEXT NOT NULL, handler_id TEXT NOT NULL, person_id TEXT NOT NULL,
        relation TEXT NOT NULL, PRIMARY KEY (case_id, handler_id, person_id, relation)) WITHOUT ROWID;
      CREATE TABLE extraditions(case_id TEXT NOT NULL, extradition_id TEXT NOT NULL, person_id TEXT NOT NULL,
        route TEXT NOT NULL, requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL, sent_at TEXT NOT NULL,
        consented_at TEXT, consent_deadline_at TEXT, current_stage TEXT, decision TEXT, decision_grounds TEXT,
        decided_at TEXT, surrendered_at TEXT, PRIMARY KEY (case_id, extradition_id)) WITHOUT ROWID;
      CREATE TABLE extradition_stages(case_id TEXT NOT NULL, extradition_id TEXT NOT NULL, stage TEXT NOT NULL,
        reached_at TEXT NOT NULL, deadline_at TEXT, deadline_for TEXT, position INTEGER NOT NULL,
        PRIMARY KEY (case_id, extradition_id, stage)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    if (evolveCaseAccess(rm, event) && event.type !== 'CaseOpened') return touch(rm, event, d);
    switch (event.type) {
      case 'CaseOpened': {
        // The row is replaced with this event's values: an earlier touch still pending must not win.
        pendingTouches.get(rm)?.delete(d.caseId);
        const at = occurredAt(event);
        rm.stmt(`INSERT OR REPLACE INTO cases(case_id, offence_category, status, status_reason, opened_at, opened_by,
            last_event_at, revision, last_position) VALUES (?,?,'open',NULL,?,?,?,?,?)`)
          .run(d.caseId, d.offenceCategory, at, d.openedBy, at, event.revision, event.position);
        return;
      }
      case 'CaseClosed':
      case 'CaseReopened':
        rm.stmt('UPDATE cases SET status = ?, status_reason = ? WHERE case_id = ?')
          .run(event.type === 'CaseClosed' ? 'closed' : 'open', d.reason, d.caseId);
        break;
      case 'PersonRegistered': {
        rm.stmt('INSERT OR REPLACE INTO persons(case_id, person_id, category, name, pseudonym, aliases, birth_year) VALUES (?,?,?,?,?,?,?)')
          // Type checks, not trust: rebuilt after an erasure, these fields arrive as "[erased]" text.
          .run(d.caseId, d.personId, d.category, d.name ?? null, d.pseudonym ?? null,
            JSON.stringify(Array.isArray(d.aliases) ? d.aliases : []), typeof d.birthYear === 'number' ? d.birthYear : null);
        for (const n of (d.nationalities as { country: string; evaluation: { source: string; information: number } }[]) ?? []) {
          recordNationality(rm, d.caseId, d.personId, n.country, n.evaluation);
        }
        break;
      }
      case 'NationalityRecorded':
        recordNationality(rm, d.caseId, d.personId, d.country, d.evaluation as { source: string; information: number });
        break;
      case 'NationalityRetracted':
        rm.stmt('UPDATE nationalities SET retracted_reason = ?, retracted_at = ? WHERE case_id = ? AND person_id = ? AND country = ?')
          .run(d.reason, occurredAt(event), d.caseId, d.personId, d.country);
        break;
      case 'DetentionRecorded':
        rm.stmt(`INSERT OR REPLACE INTO detentions(case_id, detention_id, person_id, holding_country, facility, legal_basis,
            detained_at, next_custody_review_at, ended_at, outcome) VALUES (?,?,?,?,?,?,?,?,NULL,NULL)`)
          .run(d.caseId, d.detentionId, d.personId, d.holdingCountry, d.facility, d.legalBasis, utc(d.detainedAt),
            utc(d.nextCustodyReviewAt));
        break;
      case 'CustodyExtended':
        rm.stmt('UPDATE detentions SET next_custody_review_at = ? WHERE case_id = ? AND detention_id = ?')
          .run(utc(d.nextCustodyReviewAt), d.caseId, d.detentionId);
        break;
      case 'DetentionEnded':
        rm.stmt('UPDATE detentions SET ended_at = ?, outcome = ? WHERE case_id = ? AND detention_id = ?')
          .run(utc(d.endedAt), d.outcome, d.caseId, d.detentionId);
        break;
      case 'HandlerAbroadIdentified': {
        const e = d.evaluation as { source: string; information: number };
        rm.stmt(`INSERT OR REPLACE INTO handlers(case_id, handler_id, alias, believed_country, platforms, source, information)
            VALUES (?,?,?,?,?,?,?)`)
          .run(d.caseId, d.handlerId, d.alias, d.believedCountry, JSON.stringify(d.platforms ?? []), e.source, e.information);
        break;
      }
      case 'HandlerLinkedToPerson':
        rm.stmt('INSERT OR IGNORE INTO handler_links(case_id, handler_id, person_id, relation) VALUES (?,?,?,?)')
          .run(d.caseId, d.handlerId, d.personId, d.relation);
        break;
      case 'HandlerLocationUpdated': {
        const e = d.evaluation as { source: string; information: number };
        rm.stmt('UPDATE handlers SET believed_country = ?, source = ?, information = ? WHERE case_id = ? AND handler_id = ?')
          .run(d.believedCountry, e.source, e.information, d.caseId, d.handlerId);
        break;
      }
      case 'PersonalDataErased':
        eraseValues(rm, d);
        break;
      case 'PersonalDataRectified':
        evolvePersonCorrection(rm, event);
        break;
      default:
        if (!evolveRestriction(rm, event)) evolveExtradition(rm, event, d);
    }
    touch(rm, event, d);
  },
  endBatch: writeTouches,
};

/**
 * Every case event moves its case's last_event_at / revision / last_position. Those columns only ever
 * take the latest event's values, so within a batch only the last event per case is written (in
 * endBatch, same transaction): one UPDATE per case per batch instead of one per event, which also
 * spares the cases_by_position index most of its delete-and-reinsert churn.
 */
const pendingTouches = new WeakMap<ReadModelDb, Map<unknown, RecordedEvent>>();

function touch(rm: ReadModelDb, event: RecordedEvent, d: Data): void {
  let pending = pendingTouches.get(rm);
  if (!pending) pendingTouches.set(rm, (pending = new Map()));
  pending.set(d.caseId, event);
}

function writeTouches(rm: ReadModelDb, failed: boolean): void {
  const pending = pendingTouches.get(rm);
  if (!pending || pending.size === 0) return;
  if (!failed) {
    const update = rm.stmt('UPDATE cases SET last_event_at = ?, revision = ?, last_position = ? WHERE case_id = ?');
    for (const [caseId, event] of pending) update.run(occurredAt(event), event.revision, event.position, caseId);
  }
  pending.clear();
}

/**
 * The person's values leave the row (the read model's file runs secure_delete, so the old bytes are
 * overwritten, not left in a free page); what remains says that, when and on which basis they were
 * erased. A rebuild reaches the same row: the earlier events' values arrive as "[erased]" text and are
 * cleared here the same way.
 */
function eraseValues(rm: ReadModelDb, d: Data): void {
  rm.stmt(`UPDATE persons SET name = NULL, pseudonym = NULL, aliases = '[]', birth_year = NULL, erased_at = ?, erasure_basis = ?
      WHERE case_id = ? AND person_id = ?`).run(utc(d.erasedAt), d.legalBasis, d.caseId, d.personId);
  rm.stmt(`UPDATE nationalities SET retracted_reason = '[erased]' WHERE case_id = ? AND person_id = ? AND retracted_reason IS NOT NULL`)
    .run(d.caseId, d.personId);
}

function recordNationality(rm: ReadModelDb, caseId: unknown, personId: unknown, country: unknown,
  evaluation: { source: string; information: number }): void {
  rm.stmt(`INSERT INTO nationalities(case_id, person_id, country, source, information) VALUES (?,?,?,?,?)
      ON CONFLICT DO UPDATE SET source = excluded.source, information = excluded.information,
      retracted_reason = NULL, retracted_at = NULL`)
    .run(caseId, personId, country, evaluation.source, evaluation.information);
}

function evolveExtradition(rm: ReadModelDb, event: RecordedEvent, d: Data): void {
  switch (event.type) {
    case 'ExtraditionRequested':
      rm.stmt(`INSERT OR REPLACE INTO extraditions(case_id, extradition_id, person_id, route, requesting_country,
          requested_country, sent_at) VALUES (?,?,?,?,?,?,?)`)
        .run(d.caseId, d.extraditionId, d.personId, d.route, d.requestingCountry, d.requestedCountry, utc(d.sentAt));
      return;
    case 'ExtraditionConsentRecorded':
      rm.stmt('UPDATE extraditions SET consented_at = ?, consent_deadline_at = ? WHERE case_id = ? AND extradition_id = ?')
        .run(utc(d.consentedAt), utc(d.decisionDeadlineAt), d.caseId, d.extraditionId);
      return;
    case 'ExtraditionStageReached':
      rm.stmt(`INSERT OR REPLACE INTO extradition_stages(case_id, extradition_id, stage, reached_at, deadline_at, deadline_for,
          position) VALUES (?,?,?,?,?,?,?)`)
        .run(d.caseId, d.extraditionId, d.stage, utc(d.reachedAt), utc(d.deadlineAt), d.deadlineFor ?? null, event.position);
      rm.stmt('UPDATE extraditions SET current_stage = ? WHERE case_id = ? AND extradition_id = ?')
        .run(d.stage, d.caseId, d.extraditionId);
      return;
    case 'ExtraditionDecided':
      rm.stmt('UPDATE extraditions SET decision = ?, decision_grounds = ?, decided_at = ? WHERE case_id = ? AND extradition_id = ?')
        .run(d.outcome, d.grounds, utc(d.decidedAt), d.caseId, d.extraditionId);
      return;
    case 'PersonSurrendered':
      rm.stmt('UPDATE extraditions SET surrendered_at = ? WHERE case_id = ? AND extradition_id = ?')
        .run(utc(d.surrenderedAt), d.caseId, d.extraditionId);
      return;
  }
}
