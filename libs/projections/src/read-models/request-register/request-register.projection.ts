import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { INFORMATION_REQUEST_EVENTS } from '../shared/information-request-clock.js';
import { str, type Data } from '../shared/read-model-helpers.js';
import { foldRequest, REGISTER_COLUMNS, requestedRow, type RegisterRow } from './request-register.fold.js';
import { recordStep, TIMELINE_TABLE } from './request-timeline.js';

const ROW_KEYS = Object.keys(requestedRow({}, 0)) as (keyof RegisterRow)[];
const SAVE = `INSERT OR REPLACE INTO rr_requests(${ROW_KEYS.join(', ')}) VALUES (${ROW_KEYS.map((k) => `@${k}`).join(', ')})`;

/**
 * Information requests between countries (Directive (EU) 2023/977), one row per request, as both of
 * its countries see it (requestVisibleTo: the requesting and the requested country, nobody else —
 * case sharing plays no part, so this read model keeps no case_access). A request's events are folded
 * in JS from its stored row (the clock exactly as the decider folds it, information-request-clock.ts)
 * and the row is written back whole; each row remembers the last position applied, so re-applying a
 * suffix of the log changes nothing.
 *
 * rr_requests: the request, its clock, status and the time of each step;
 * rr_parties: one row per country that may see the request, keyed (country, received_at, request_id),
 *   so a country's register is read in its own order without sorting;
 * rr_steps: every dated step (the detail page).
 */
export const requestRegisterProjection: Projection = {
  name: 'request-register',
  version: 1,
  canHandle: [...INFORMATION_REQUEST_EVENTS],
  indexes: [
    'CREATE INDEX IF NOT EXISTS rr_by_case ON rr_requests(case_id) WHERE case_id IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS rr_open_by_deadline ON rr_requests(deadline_at) WHERE closed_by IS NULL',
  ],
  setup(db: Database.Database): void {
    db.exec(`
      CREATE TABLE rr_requests(${REGISTER_COLUMNS}) WITHOUT ROWID;
      CREATE TABLE rr_parties(country TEXT NOT NULL, received_at TEXT NOT NULL, request_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')), other_country TEXT NOT NULL,
        PRIMARY KEY (country, received_at, request_id)) WITHOUT ROWID;
      ${TIMELINE_TABLE}`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    const position = Number(event.position);
    const id = str(d.requestId);
    const row = rm.stmt('SELECT * FROM rr_requests WHERE request_id = ?').get(id) as RegisterRow | undefined;
    if (row && row.last_position >= position) return; // already applied (a re-read suffix of the log)
    let next: RegisterRow;
    if (event.type === 'InformationRequested') {
      if (row) return; // a request is filed once (the decider refuses a second filing)
      next = requestedRow(d, position);
      const party = rm.stmt('INSERT OR IGNORE INTO rr_parties(country, received_at, request_id, direction, other_country) VALUES (?,?,?,?,?)');
      party.run(next.requesting_country, next.received_at, next.request_id, 'outgoing', next.requested_country);
      if (next.requested_country !== next.requesting_country) {
        party.run(next.requested_country, next.received_at, next.request_id, 'incoming', next.requesting_country);
      }
    } else {
      if (!row) return; // never filed here: nothing to attach it to
      next = row;
      foldRequest(next, event.type, d);
    }
    next.last_position = position;
    rm.stmt(SAVE).run(next);
    recordStep(rm, next.request_id, event);
  },
};
