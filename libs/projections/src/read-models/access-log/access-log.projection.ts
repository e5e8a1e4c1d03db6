import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import { utc } from '../shared/read-model-helpers.js';
import { CASE_DATA_ACCESSED, type CaseDataAccessedData } from './access-log.events.js';

/**
 * Access records for supervisors. The owner of each case comes from case_meta (fed by CaseOpened),
 * so "accesses to cases my country owns" is a join at query time. Keyed inserts only: re-applying
 * a suffix of the log changes nothing.
 */
export const accessLogProjection: Projection = {
  name: 'access-log',
  // 2: access_referrals (which reads disclosed which referral), rebuilt from the log.
  // 3: access_requests (which reads disclosed which information request), rebuilt from the log.
  version: 3,
  canHandle: [...CASE_ACCESS_EVENTS, CASE_DATA_ACCESSED],
  indexes: [
    'CREATE INDEX IF NOT EXISTS access_by_position ON access_entries(position DESC)',
    'CREATE INDEX IF NOT EXISTS access_by_country ON access_entries(officer_country, position DESC)',
    'CREATE INDEX IF NOT EXISTS access_cases_by_entry ON access_cases(entry_id)',
    'CREATE INDEX IF NOT EXISTS access_referrals_by_entry ON access_referrals(entry_id)',
    'CREATE INDEX IF NOT EXISTS access_requests_by_entry ON access_requests(entry_id)',
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    db.exec(`
      CREATE TABLE access_entries(entry_id TEXT PRIMARY KEY, position INTEGER NOT NULL, accessed_at TEXT NOT NULL,
        officer_subject TEXT NOT NULL, officer_country TEXT NOT NULL, record TEXT NOT NULL);
      CREATE TABLE access_cases(case_id TEXT NOT NULL, entry_id TEXT NOT NULL, position INTEGER NOT NULL,
        PRIMARY KEY (case_id, position, entry_id)) WITHOUT ROWID;
      CREATE TABLE access_referrals(referral_id TEXT NOT NULL, entry_id TEXT NOT NULL, position INTEGER NOT NULL,
        PRIMARY KEY (referral_id, position, entry_id)) WITHOUT ROWID;
      CREATE TABLE access_requests(request_id TEXT NOT NULL, entry_id TEXT NOT NULL, position INTEGER NOT NULL,
        PRIMARY KEY (request_id, position, entry_id)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    if (event.type !== CASE_DATA_ACCESSED) {
      evolveCaseAccess(rm, event);
      return;
    }
    const d = event.data as CaseDataAccessedData;
    const entryId = typeof d.entryId === 'string' ? d.entryId : event.id;
    rm.stmt(`INSERT OR REPLACE INTO access_entries(entry_id, position, accessed_at, officer_subject, officer_country, record)
        VALUES (?,?,?,?,?,?)`)
      .run(entryId, event.position, utc(d.accessedAt) ?? event.recordedAt, d.officer.subject, d.officer.country, JSON.stringify(d));
    for (const caseId of new Set(d.caseIds)) {
      rm.stmt('INSERT OR IGNORE INTO access_cases(case_id, entry_id, position) VALUES (?,?,?)').run(caseId, entryId, event.position);
    }
    // Absent in records made before referral answers were recorded by referral.
    for (const referralId of new Set(d.referralIds ?? [])) {
      rm.stmt('INSERT OR IGNORE INTO access_referrals(referral_id, entry_id, position) VALUES (?,?,?)').run(referralId, entryId, event.position);
    }
    // Absent in records made before information-request answers were recorded by request.
    for (const requestId of new Set(d.requestIds ?? [])) {
      rm.stmt('INSERT OR IGNORE INTO access_requests(request_id, entry_id, position) VALUES (?,?,?)').run(requestId, entryId, event.position);
    }
  },
};
