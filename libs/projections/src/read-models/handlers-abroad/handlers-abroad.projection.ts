import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, setupCaseAccess } from '../../access/access-policy.js';
import type { Data } from '../shared/read-model-helpers.js';
import { eraseNamesOf, rectifyNames } from '../shared/rectified-names.js';
import { evolveRestriction, RESTRICTION_EVENTS, setupRestrictions } from '../shared/restrictions.js';
import { caseViewers, CounterBuffer, evolveCaseViewers, setupCaseViewers } from '../shared/viewer-counters.js';

// Handlers per (viewer country, believed country), kept as handlers appear, move and cases are shared
// or revoked (ADR 27), so the count per country reads the viewer's rows instead of grouping handlers.
const counters = new CounterBuffer('ha_counts', ['believed_country'], ['n']);

const believedCountryOf = (rm: ReadModelDb, d: Data): string | undefined =>
  rm.stmt('SELECT believed_country FROM ha_handlers WHERE case_id = ? AND handler_id = ?').pluck().get(d.caseId, d.handlerId) as string | undefined;

/** Moves a handler's count from its believed country before the change to the one after. */
function recount(rm: ReadModelDb, d: Data, change: () => void): void {
  const before = believedCountryOf(rm, d);
  change();
  const after = believedCountryOf(rm, d);
  if (before === after) return;
  const viewers = caseViewers(rm, d.caseId);
  if (before !== undefined) counters.add(rm, viewers, [before], [-1]);
  if (after !== undefined) counters.add(rm, viewers, [after], [1]);
}

/**
 * Handlers abroad with their latest believed location, platforms, evaluation and linked persons.
 * Restricted persons (LED Art. 16(3)) are left out of the linked persons; rectified names replace the old.
 */
export const handlersAbroadProjection: Projection = {
  name: 'handlers-abroad',
  // 2: restricted persons and rectified names. 3: erased persons lose their names (ADR 19).
  // 4: handlers counted per viewer country and believed country (ha_counts, ADR 27).
  version: 4,
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
        PRIMARY KEY (case_id, handler_id, person_id, relation)) WITHOUT ROWID;
      CREATE TABLE ha_counts(viewer TEXT NOT NULL, believed_country TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (viewer, believed_country)) WITHOUT ROWID;`);
    setupCaseViewers(db);
  },
  endBatch: (rm, failed) => counters.endBatch(rm, failed),
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    if ((CASE_ACCESS_EVENTS as readonly string[]).includes(event.type)) {
      const { country, change } = evolveCaseViewers(rm, event);
      if (change === 0) return;
      const rows = rm.stmt('SELECT believed_country AS c, count(*) AS n FROM ha_handlers WHERE case_id = ? GROUP BY believed_country')
        .all(d.caseId) as { c: string; n: number }[];
      for (const r of rows) counters.add(rm, [country], [r.c], [change * r.n]);
      return;
    }
    if (evolveRestriction(rm, event)) return;
    rectifyNames(rm, event, 'ha_persons');
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
        recount(rm, d, () => rm.stmt(`INSERT OR REPLACE INTO ha_handlers(case_id, handler_id, alias, believed_country, platforms, source,
            information, last_position) VALUES (?,?,?,?,?,?,?,?)`)
          .run(d.caseId, d.handlerId, d.alias, d.believedCountry, JSON.stringify(d.platforms ?? []),
            evaluation?.source ?? null, evaluation?.information ?? null, event.position));
        return;
      case 'HandlerLinkedToPerson':
        rm.stmt('INSERT OR IGNORE INTO ha_links(case_id, handler_id, person_id, relation) VALUES (?,?,?,?)')
          .run(d.caseId, d.handlerId, d.personId, d.relation);
        return;
      case 'HandlerLocationUpdated':
        recount(rm, d, () => rm.stmt(`UPDATE ha_handlers SET believed_country = ?, source = ?, information = ?, last_position = ?
            WHERE case_id = ? AND handler_id = ?`)
          .run(d.believedCountry, evaluation?.source ?? null, evaluation?.information ?? null, event.position, d.caseId, d.handlerId));
        return;
    }
  },
};
