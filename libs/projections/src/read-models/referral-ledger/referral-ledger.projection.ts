import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import { withReferrer } from '../../access/referral-access.js';
import { ACTION_DAY_EVENTS, REFERRAL_EVENTS } from '../shared/referral-events.js';
import { str, type Data } from '../shared/read-model-helpers.js';
import { foldReferral, LEDGER_COLUMNS, referredRow, statusOf, type LedgerRow } from './referral-ledger.fold.js';
import { recordStep, TIMELINE_TABLE } from './referral-timeline.js';

const ROW_KEYS = Object.keys(referredRow({}, 0)) as (keyof LedgerRow)[];
const SAVE = `INSERT OR REPLACE INTO rl_referrals(${ROW_KEYS.join(', ')}) VALUES (${ROW_KEYS.map((k) => `@${k}`).join(', ')})`;

/**
 * One row per platform referral (current round, status, referrers) and one per action day. A
 * referral's events are folded in JS from its stored row and the row is written back whole; each
 * row remembers the last position applied, so re-applying a suffix of the log changes nothing.
 */
export const referralLedgerProjection: Projection = {
  name: 'referral-ledger',
  // v2: the dated steps of each referral (rl_steps), for its page.
  version: 2,
  canHandle: [...CASE_ACCESS_EVENTS, ...REFERRAL_EVENTS, ...ACTION_DAY_EVENTS],
  indexes: [
    'CREATE INDEX IF NOT EXISTS rl_by_referred_at ON rl_referrals(referred_at DESC, referral_id DESC)',
    'CREATE INDEX IF NOT EXISTS rl_by_case ON rl_referrals(case_id) WHERE case_id IS NOT NULL',
    `CREATE INDEX IF NOT EXISTS rl_open_by_due ON rl_referrals(response_due_at, referral_id)
      WHERE sent_at IS NOT NULL AND outcome IS NULL AND withdrawn = 0`,
  ],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    db.exec(`
      CREATE TABLE rl_referrals(${LEDGER_COLUMNS}) WITHOUT ROWID;
      ${TIMELINE_TABLE}
      CREATE TABLE rl_referral_days(action_day_id TEXT NOT NULL, referral_id TEXT NOT NULL,
        PRIMARY KEY (action_day_id, referral_id)) WITHOUT ROWID;
      CREATE TABLE rl_action_days(action_day_id TEXT PRIMARY KEY, title TEXT NOT NULL, coordinator TEXT NOT NULL,
        coordinator_name TEXT, platform TEXT NOT NULL, date TEXT NOT NULL, organiser_country TEXT NOT NULL,
        participants TEXT NOT NULL, countries TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE rl_action_day_files(action_day_id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('list','answers')),
        file_sha256 TEXT NOT NULL, rows INTEGER NOT NULL, country TEXT NOT NULL,
        PRIMARY KEY (action_day_id, kind, file_sha256)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    if (evolveCaseAccess(rm, event)) return;
    const d = event.data as Data;
    if (evolveActionDay(rm, event.type, d)) return;
    const position = Number(event.position);
    const id = str(d.referralId);
    const row = rm.stmt('SELECT * FROM rl_referrals WHERE referral_id = ?').get(id) as LedgerRow | undefined;
    if (row && row.last_position >= position) return; // already applied (a re-read suffix of the log)
    let next: LedgerRow;
    if (event.type === 'ContentReferred') {
      next = referredRow(d, position);
    } else {
      if (!row) return; // never referred here: nothing to attach it to
      next = row;
      foldReferral(next, event.type, d);
    }
    next.status = statusOf(next);
    next.last_position = position;
    rm.stmt(SAVE).run(next);
    recordStep(rm, next.referral_id, event);
    const day = str(d.actionDayId);
    if (day) rm.stmt('INSERT OR IGNORE INTO rl_referral_days(action_day_id, referral_id) VALUES (?, ?)').run(day, id);
  },
};

/** Action-day events set values from the event alone (or insert by file hash), so they are idempotent. */
function evolveActionDay(rm: ReadModelDb, type: string, d: Data): boolean {
  switch (type) {
    case 'ReferralActionDayPlanned': {
      const participants = ((d.participatingCountries as string[] | undefined) ?? []).slice().sort();
      const countries = participants.reduce(withReferrer, String(d.organiserCountry));
      rm.stmt(`INSERT OR REPLACE INTO rl_action_days(action_day_id, title, coordinator, coordinator_name, platform, date,
          organiser_country, participants, countries) VALUES (?,?,?,?,?,?,?,?,?)`)
        .run(d.actionDayId, d.title, d.coordinator, str(d.coordinatorName), d.platform, d.date, d.organiserCountry,
          participants.join(','), countries);
      return true;
    }
    case 'ActionDayListSubmitted':
    case 'PlatformAnswersImported':
      rm.stmt(`INSERT OR IGNORE INTO rl_action_day_files(action_day_id, kind, file_sha256, rows, country) VALUES (?,?,?,?,?)`)
        .run(d.actionDayId, type === 'ActionDayListSubmitted' ? 'list' : 'answers', d.fileSha256, d.rows, d.country);
      return true;
    default:
      return false;
  }
}
