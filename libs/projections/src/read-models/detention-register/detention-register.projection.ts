import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, setupCaseAccess } from '../../access/access-policy.js';
import { utc, type Data } from '../shared/read-model-helpers.js';
import { eraseNamesOf, rectifyNames } from '../shared/rectified-names.js';
import { evolveRestriction, RESTRICTION_EVENTS, setupRestrictions } from '../shared/restrictions.js';
import { evolveCaseViewers } from '../shared/viewer-counters.js';
import {
  changeNationalities, countCaseFor, endDetentionCounters, isRestricted, openDetention, openOrClose, restrictPerson, setupDetentionCounters,
} from './detention-counters.js';
import { countCaseSpansFor, endOverTimeCounters, recountSpan, restrictSpans, setupOverTimeCounters, spanOf, type Span } from './over-time-counters.js';

/**
 * Who is detained where. Nationalities are kept per person (current ones only) and joined at query
 * time, so a nationality recorded or retracted after the detention shows up in the very next query.
 * Ended detentions stay (with ended_at) for the over-time chart. Open detentions are also counted per
 * viewer country, nationality and holding country as they change (detention-counters.ts, ADR 27), and
 * every detention's start and end per viewer country and UTC hour for the over-time chart
 * (over-time-counters.ts, ADR 29).
 */
export const detentionRegisterProjection: Projection = {
  name: 'detention-register',
  // v2: without the dr_by_person index, which no query used but every detention paid for.
  // v3: restricted persons (LED Art. 16(3)) and rectified names. 4: erased persons lose their names (ADR 19).
  // 5: open detentions counted per viewer country (dr_counts, ADR 27). 6: starts and ends per viewer and hour (ADR 29).
  version: 6,
  canHandle: [
    ...CASE_ACCESS_EVENTS, 'PersonRegistered', 'PersonalDataErased', 'NationalityRecorded', 'NationalityRetracted',
    'DetentionRecorded', 'CustodyExtended', 'DetentionEnded', ...RESTRICTION_EVENTS, 'PersonalDataRectified',
  ],
  indexes: [
    'CREATE INDEX IF NOT EXISTS dr_open_by_detained_at ON dr_detentions(detained_at DESC, case_id DESC, detention_id DESC) WHERE ended_at IS NULL',
    'CREATE INDEX IF NOT EXISTS dr_open_by_review ON dr_detentions(next_review_at) WHERE ended_at IS NULL',
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    setupRestrictions(db);
    db.exec(`
      CREATE TABLE dr_persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL, name TEXT,
        pseudonym TEXT, PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;
      CREATE TABLE dr_nationalities(case_id TEXT NOT NULL, person_id TEXT NOT NULL, country TEXT NOT NULL,
        PRIMARY KEY (case_id, person_id, country)) WITHOUT ROWID;
      CREATE TABLE dr_detentions(case_id TEXT NOT NULL, detention_id TEXT NOT NULL, person_id TEXT NOT NULL,
        holding_country TEXT NOT NULL, facility TEXT NOT NULL, detained_at TEXT NOT NULL, next_review_at TEXT NOT NULL,
        ended_at TEXT, PRIMARY KEY (case_id, detention_id)) WITHOUT ROWID;`);
    setupDetentionCounters(db);
    setupOverTimeCounters(db);
  },
  endBatch(rm: ReadModelDb, failed: boolean): void {
    endDetentionCounters(rm, failed);
    endOverTimeCounters(rm, failed);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    switch (event.type) {
      case 'CaseOpened':
      case 'CaseSharedWith':
      case 'CaseSharingRevoked': {
        const { country, change } = evolveCaseViewers(rm, event);
        if (change !== 0) {
          countCaseFor(rm, d.caseId, country, change);
          countCaseSpansFor(rm, d.caseId, country, change);
        }
        return;
      }
      case 'ProcessingRestricted':
      case 'RestrictionLifted': {
        const was = isRestricted(rm, d.caseId, d.personId);
        evolveRestriction(rm, event);
        if (was !== (event.type === 'ProcessingRestricted')) {
          restrictPerson(rm, d.caseId, d.personId, was ? -1 : 1);
          restrictSpans(rm, d.caseId, d.personId, was ? -1 : 1);
        }
        return;
      }
      case 'PersonalDataErased':
        eraseNamesOf(rm, 'dr_persons', d);
        return;
      case 'PersonRegistered':
        rm.stmt('INSERT OR REPLACE INTO dr_persons(case_id, person_id, category, name, pseudonym) VALUES (?,?,?,?,?)')
          .run(d.caseId, d.personId, d.category, d.name ?? null, d.pseudonym ?? null);
        addNationalities(rm, d, ((d.nationalities as { country: string }[]) ?? []).map((n) => n.country));
        return;
      case 'NationalityRecorded':
        addNationalities(rm, d, [String(d.country)]);
        return;
      case 'NationalityRetracted':
        changeNationalities(rm, d.caseId, d.personId, -1, () =>
          rm.stmt('DELETE FROM dr_nationalities WHERE case_id = ? AND person_id = ? AND country = ?').run(d.caseId, d.personId, d.country).changes
            ? [String(d.country)] : []);
        return;
      case 'DetentionRecorded': {
        const row = [d.caseId, d.detentionId, d.personId, d.holdingCountry, d.facility, utc(d.detainedAt), utc(d.nextCustodyReviewAt)];
        const columns = 'case_id, detention_id, person_id, holding_country, facility, detained_at, next_review_at, ended_at';
        // A new detention (the rule) is one insert; one recorded again replaces the row and its count.
        let previous: Span | undefined;
        if (rm.stmt(`INSERT OR IGNORE INTO dr_detentions(${columns}) VALUES (?,?,?,?,?,?,?,NULL)`).run(...row).changes === 0) {
          const before = openDetention(rm, d.caseId, d.detentionId);
          if (before) openOrClose(rm, d.caseId, d.detentionId, before, -1);
          previous = spanOf(rm, d.caseId, d.detentionId);
          rm.stmt(`INSERT OR REPLACE INTO dr_detentions(${columns}) VALUES (?,?,?,?,?,?,?,NULL)`).run(...row);
        }
        openOrClose(rm, d.caseId, d.detentionId, { personId: String(d.personId), holding: String(d.holdingCountry) }, 1);
        recountSpan(rm, d.caseId, previous, { personId: String(d.personId), detainedAt: String(row[5]), endedAt: null });
        return;
      }
      case 'CustodyExtended':
        rm.stmt('UPDATE dr_detentions SET next_review_at = ? WHERE case_id = ? AND detention_id = ?')
          .run(utc(d.nextCustodyReviewAt), d.caseId, d.detentionId);
        return;
      case 'DetentionEnded': {
        const before = openDetention(rm, d.caseId, d.detentionId);
        const span = spanOf(rm, d.caseId, d.detentionId);
        rm.stmt('UPDATE dr_detentions SET ended_at = ? WHERE case_id = ? AND detention_id = ?').run(utc(d.endedAt), d.caseId, d.detentionId);
        recountSpan(rm, d.caseId, span, span && { ...span, endedAt: utc(d.endedAt) });
        // Without an end time the row is open afterwards (even one ended before), and counted.
        const after = utc(d.endedAt) === null ? openDetention(rm, d.caseId, d.detentionId) : undefined;
        if (before && !after) openOrClose(rm, d.caseId, d.detentionId, before, -1);
        if (after && !before) openOrClose(rm, d.caseId, d.detentionId, after, 1);
        return;
      }
      case 'PersonalDataRectified':
        rectifyNames(rm, event, 'dr_persons');
        return;
    }
  },
};

function addNationalities(rm: ReadModelDb, d: Data, countries: string[]): void {
  const insert = rm.stmt('INSERT OR IGNORE INTO dr_nationalities(case_id, person_id, country) VALUES (?,?,?)');
  changeNationalities(rm, d.caseId, d.personId, 1, () => countries.filter((c) => insert.run(d.caseId, d.personId, c).changes > 0));
}
