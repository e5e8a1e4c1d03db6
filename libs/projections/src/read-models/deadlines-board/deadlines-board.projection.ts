import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccessChange, setupCaseAccess } from '../../access/access-policy.js';
import { CLOCK_COLUMNS, clockOf, foldClock, INFORMATION_REQUEST_EVENTS, isInformationRequestEvent } from '../shared/information-request-clock.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';
import { deriveMarked, markCase, markItem, type RequestRow } from './deadlines-board.items.js';

export { boardDayOf, DEADLINE_KINDS, extraditionDeadline, type DeadlineKind, type DeadlineRole } from './deadlines-board.items.js';

/**
 * One list per viewer country of every deadline running now, merged from three sources:
 * - open information requests whose clock runs (Directive (EU) 2023/977 Art. 5(1)): the deadline in
 *   force; a request whose clock stands still (Art. 6(3) clarification, Art. 5(2) judicial
 *   authorisation) has no running deadline and is off the board until the clock restarts. Seen by
 *   its two countries only (requestVisibleTo);
 * - custody reviews (nextCustodyReviewAt) of open detentions, and
 * - extradition stage deadlines (the one that applies now, exactly as the extradition tracker
 *   derives it), both seen by whoever may see the case (visibleTo, fed by CASE_ACCESS_EVENTS).
 *
 * dl_board holds one narrow row per (viewer country, item), keyed (country, due_at, kind, item_id):
 * a country's board is read in due order from its own key range, whatever the size of the log.
 * dl_days counts those rows per (country, UTC day of due, kind), so a bucket count adds up whole days
 * and counts rows only within the (at most two) days a bucket edge cuts. dl_items holds each item on the board with its label facts,
 * its due time and the countries it is on the board of (so moving an item rewrites exactly its rows).
 * dl_requests, dl_detentions and dl_extraditions are the source facts each event updates; every
 * change re-derives the item's board rows from them, so re-applying events changes nothing and a
 * rebuild equals an incremental build. A case access event re-derives the rows of that case's items.
 * The derivation runs once per batch for each item marked in it (deadlines-board.items.ts).
 */
export const deadlinesBoardProjection: Projection = {
  name: 'deadlines-board',
  version: 1,
  canHandle: [
    ...CASE_ACCESS_EVENTS, ...INFORMATION_REQUEST_EVENTS, 'DetentionRecorded', 'CustodyExtended', 'DetentionEnded',
    'ExtraditionRequested', 'ExtraditionConsentRecorded', 'ExtraditionStageReached', 'ExtraditionDecided', 'PersonSurrendered',
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    db.exec(`
      -- case_access by case (its key starts with the country), kept in step by evolveAccess: a table,
      -- since files get indexes only after a build.
      CREATE TABLE dl_case_countries(case_id TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (case_id, country)) WITHOUT ROWID;
      CREATE TABLE dl_requests(request_id TEXT PRIMARY KEY, requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL,
        case_id TEXT, urgent INTEGER NOT NULL, rule TEXT NOT NULL, ${CLOCK_COLUMNS}, last_position INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE dl_detentions(case_id TEXT NOT NULL, detention_id TEXT NOT NULL, holding_country TEXT NOT NULL,
        next_review_at TEXT NOT NULL, ended_at TEXT, PRIMARY KEY (case_id, detention_id)) WITHOUT ROWID;
      CREATE TABLE dl_extraditions(case_id TEXT NOT NULL, extradition_id TEXT NOT NULL, route TEXT NOT NULL,
        requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL, stage TEXT, stage_deadline_at TEXT,
        stage_deadline_for TEXT, consent_deadline_at TEXT, decision TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'refused', 'surrendered')), PRIMARY KEY (case_id, extradition_id)) WITHOUT ROWID;
      CREATE TABLE dl_items(kind TEXT NOT NULL, item_id TEXT NOT NULL, due_at TEXT NOT NULL, viewers TEXT NOT NULL,
        case_id TEXT, request_id TEXT, subject_id TEXT, deadline_for TEXT, counterpart_country TEXT, requesting_country TEXT,
        requested_country TEXT, urgent INTEGER, rule TEXT, PRIMARY KEY (kind, item_id)) WITHOUT ROWID;
      CREATE TABLE dl_board(country TEXT NOT NULL, due_at TEXT NOT NULL, kind TEXT NOT NULL, item_id TEXT NOT NULL,
        role TEXT NOT NULL, PRIMARY KEY (country, due_at, kind, item_id)) WITHOUT ROWID;
      -- dl_board rows per (country, UTC day of due_at, kind), for bucket counts: zero counts are deleted.
      CREATE TABLE dl_days(country TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (country, day, kind)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    if ((CASE_ACCESS_EVENTS as readonly string[]).includes(event.type)) {
      evolveAccess(rm, event, str(d.caseId) ?? '');
      return;
    }
    if (isInformationRequestEvent(event.type)) {
      evolveRequest(rm, event, d);
      return;
    }
    switch (event.type) {
      case 'DetentionRecorded':
        rm.stmt(`INSERT OR REPLACE INTO dl_detentions(case_id, detention_id, holding_country, next_review_at, ended_at)
            VALUES (?,?,?,?,NULL)`).run(d.caseId, d.detentionId, d.holdingCountry, utc(d.nextCustodyReviewAt));
        break;
      case 'CustodyExtended':
        rm.stmt('UPDATE dl_detentions SET next_review_at = ? WHERE case_id = ? AND detention_id = ?')
          .run(utc(d.nextCustodyReviewAt), d.caseId, d.detentionId);
        break;
      case 'DetentionEnded':
        rm.stmt('UPDATE dl_detentions SET ended_at = ? WHERE case_id = ? AND detention_id = ?').run(utc(d.endedAt), d.caseId, d.detentionId);
        break;
      case 'ExtraditionRequested':
        rm.stmt(`INSERT OR REPLACE INTO dl_extraditions(case_id, extradition_id, route, requesting_country, requested_country, status)
            VALUES (?,?,?,?,?,'open')`).run(d.caseId, d.extraditionId, d.route, d.requestingCountry, d.requestedCountry);
        break;
      case 'ExtraditionConsentRecorded':
        rm.stmt('UPDATE dl_extraditions SET consent_deadline_at = ? WHERE case_id = ? AND extradition_id = ?')
          .run(utc(d.decisionDeadlineAt), d.caseId, d.extraditionId);
        break;
      case 'ExtraditionStageReached':
        rm.stmt(`UPDATE dl_extraditions SET stage = ?, stage_deadline_at = ?, stage_deadline_for = ?
            WHERE case_id = ? AND extradition_id = ?`)
          .run(d.stage, utc(d.deadlineAt), d.deadlineAt ? (d.deadlineFor ?? null) : null, d.caseId, d.extraditionId);
        break;
      case 'ExtraditionDecided':
        rm.stmt(`UPDATE dl_extraditions SET decision = @outcome,
            status = CASE WHEN @outcome = 'refused' THEN 'refused' ELSE status END WHERE case_id = @caseId AND extradition_id = @id`)
          .run({ outcome: d.outcome, caseId: d.caseId, id: d.extraditionId });
        break;
      case 'PersonSurrendered':
        rm.stmt("UPDATE dl_extraditions SET status = 'surrendered' WHERE case_id = ? AND extradition_id = ?").run(d.caseId, d.extraditionId);
        break;
      default:
        return;
    }
    const caseId = str(d.caseId) ?? '';
    if (event.type.startsWith('Extradition') || event.type === 'PersonSurrendered') markItem(rm, 'extradition', caseId, String(d.extraditionId));
    else markItem(rm, 'custody_review', caseId, String(d.detentionId));
  },
  endBatch: deriveMarked,
};

const REQUEST_KEYS: (keyof RequestRow)[] = [
  'request_id', 'requesting_country', 'requested_country', 'case_id', 'urgent', 'rule', 'deadline_at', 'clock_stopped_at',
  'clarification_since', 'authorisation_since', 'closed_by', 'last_position',
];
const SAVE_REQUEST = `INSERT OR REPLACE INTO dl_requests(${REQUEST_KEYS.join(', ')}) VALUES (${REQUEST_KEYS.map((k) => `@${k}`).join(', ')})`;

function evolveRequest(rm: ReadModelDb, event: RecordedEvent, d: Data): void {
  const position = Number(event.position);
  const row = rm.stmt('SELECT * FROM dl_requests WHERE request_id = ?').get(d.requestId) as RequestRow | undefined;
  if (row && row.last_position >= position) return; // already applied (a re-read suffix of the log)
  let next: RequestRow;
  if (event.type === 'InformationRequested') {
    if (row) return; // filed once
    next = {
      request_id: String(d.requestId), requesting_country: String(d.requestingCountry), requested_country: String(d.requestedCountry),
      case_id: str(d.caseId), urgent: d.urgent === true ? 1 : 0, rule: String(d.deadlineRule ?? ''), ...clockOf(d), last_position: position,
    };
  } else {
    if (!row) return;
    next = row;
    foldClock(next, event.type, d);
    next.last_position = position;
  }
  rm.stmt(SAVE_REQUEST).run(next);
  markItem(rm, 'information_request', '', next.request_id);
}

/**
 * An access event changes at most one country's access to one case. If it gained or lost access, the
 * board rows of the case's detentions and extraditions are derived again (at the end of the batch).
 */
function evolveAccess(rm: ReadModelDb, event: RecordedEvent, caseId: string): void {
  if (evolveCaseAccessChange(rm, event, 'dl_case_countries').change !== 0) markCase(rm, caseId);
}
