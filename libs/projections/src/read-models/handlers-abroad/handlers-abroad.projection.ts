import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import type { Data } from '../shared/read-model-helpers.js';
import { eraseNamesOf, rectifyNames } from '../shared/rectified-names.js';
import { evolveRestriction, RESTRICTION_EVENTS, setupRestrictions } from '../shared/restrictions.js';

/**
 * Handlers abroad with their latest believed location, platforms, evaluation and linked persons.
 * Restricted persons (LED Art. 16(3)) are left out of the linked persons; rectified names replace the old.
 */
export const handlersAbroadProjection: Projection = {
  name: 'handlers-abroad',
  // 2: restricted persons and rectified names. 3: erased persons lose their names (ADR 19).
  version: 3,
  canHandle: [
    ...CASE_ACCESS_EVENTS, 'PersonRegistered', 'PersonalDataErased', 'HandlerAbroadIdentified', 'HandlerLinkedToPerson', 'HandlerLocationUpdated',
    ...RESTRICTION_EVENTS, 'PersonalDataRectified',
  ],
  indexes: [
    'CREATE INDEX IF NOT EXISTS ha_by_position ON ha_handlers(last_position DESC, case_id DESC, handler_id DESC)',
    'CREATE INDEX IF NOT EXISTS ha_by_country ON ha_handlers(believed_country)',
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    setupRestrictions(db);
    db.exec(`
      CREATE TABLE ha_handlers(case_id TEXT NOT NULL, handler_id TEXT NOT NULL, alias TEXT NOT NULL,
        believed_country TEXT NOT NULL, platforms TEXT NOT NULL, source TEXT, information INTEGER,
        last_position INTEGER NOT NULL, PRIMARY KEY (case_id, handler_id)) WITHOUT ROWID;
      CREATE TABLE ha_persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL, name TEXT,
        pseudonym TEXT, PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;
      CREATE TABLE ha_links(case_id TEXT NOT NULL, handler_id TEXT NOT NULL, person_id TEXT NOT NULL, relation TEXT NOT NULL,
        PRIMARY KEY (case_id, handler_id, person_id, relation)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    if (evolveCaseAccess(rm, event) || evolveRestriction(rm, event)) return;
    rectifyNames(rm, event, 'ha_persons');
    const d = event.data as Data;
    const evaluation = d.evaluation as { source?: string; information?: number } | undefined;
    switch (event.type) {
      case 'PersonalDataErased':
        eraseNamesOf(rm, 'ha_persons', d);
        return;
      case 'PersonRegistered':
        rm.stmt('INSERT OR REPLACE INTO ha_persons(case_id, person_id, category, name, pseudonym) VALUES (?,?,?,?,?)')
          .run(d.caseId, d.personId, d.category, d.name ?? null, d.pseudonym ?? null);
        return;
      case 'HandlerAbroadIdentified':
        rm.stmt(`INSERT OR REPLACE INTO ha_handlers(case_id, handler_id, alias, believed_country, platforms, source, information,
            last_position) VALUES (?,?,?,?,?,?,?,?)`)
          .run(d.caseId, d.handlerId, d.alias, d.believedCountry, JSON.stringify(d.platforms ?? []),
            evaluation?.source ?? null, evaluation?.information ?? null, event.position);
        return;
      case 'HandlerLinkedToPerson':
        rm.stmt('INSERT OR IGNORE INTO ha_links(case_id, handler_id, person_id, relation) VALUES (?,?,?,?)')
          .run(d.caseId, d.handlerId, d.personId, d.relation);
        return;
      case 'HandlerLocationUpdated':
        rm.stmt(`UPDATE ha_handlers SET believed_country = ?, source = ?, information = ?, last_position = ?
            WHERE case_id = ? AND handler_id = ?`)
          .run(d.believedCountry, evaluation?.source ?? null, evaluation?.information ?? null, event.position, d.caseId, d.handlerId);
        return;
    }
  },
};
