import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccessChange, setupCaseAccess } from '../../access/access-policy.js';
import { referralViewers } from '../../access/referral-access.js';
import { REFERRAL_EVENTS } from '../shared/referral-events.js';
import { str, type Data } from '../shared/read-model-helpers.js';
import {
  contributionOf, FACT_COLUMNS, foldFacts, referredFacts, type Contribution, type ReferralFacts,
} from './platform-responsiveness.contribution.js';
import { addToCell, decodeCell, encodeCell, type SubCell } from './responsiveness-cell.js';

const FACT_KEYS = Object.keys(referredFacts({}, 0)) as (keyof ReferralFacts)[];
const SAVE = `INSERT OR REPLACE INTO pr_referrals(${FACT_KEYS.join(', ')}) VALUES (${FACT_KEYS.map((k) => `@${k}`).join(', ')})`;
const CELL_KEY = 'country = ? AND platform = ? AND month = ?';

/**
 * Platform figures without personal data, pre-summed per viewer country. Visibility (referralVisibleTo:
 * a referrer, or access to the linked case) is applied when writing: each referral's contribution is
 * counted in the groups of exactly the countries that may see it now, so a query reads only its own
 * country's own rows, whatever the number of referrals or cases. Every event moves
 * contributions as a difference: subtract what the referral counted for its viewers before, add what
 * it counts for its viewers after. Case access events do the same for the referrals of that case
 * whose viewers changed. Rows whose counts reach zero are deleted, so the tables are a function of
 * the state alone (a rebuild and an incremental build are byte-equal).
 *
 * pr_cells: one row per (country, platform, month), packing per (origin, basis) the counters
 * (COUNTERS), the removals per whole hour from sending to removal and the sent-but-unanswered
 * referrals per sent hour (responsiveness-cell.ts): a query reads one row per platform and month.
 */
export const platformResponsivenessProjection: Projection = {
  name: 'platform-responsiveness',
  // 2: pr_ttr holds one histogram per group (and pr_case_countries, added without a bump before).
  // 3: pr_groups, pr_ttr and pr_pending packed into pr_cells, one row per (country, platform, month).
  version: 3,
  canHandle: [...CASE_ACCESS_EVENTS, ...REFERRAL_EVENTS],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    db.exec(`
      CREATE TABLE pr_referrals(${FACT_COLUMNS}) WITHOUT ROWID;
      -- Referrals per linked case, for case access events (a table, since files get indexes only after a build).
      CREATE TABLE pr_case_referrals(case_id TEXT NOT NULL, referral_id TEXT NOT NULL, PRIMARY KEY (case_id, referral_id)) WITHOUT ROWID;
      -- case_access by case (its key starts with the country), kept in step by evolveAccess.
      CREATE TABLE pr_case_countries(case_id TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (case_id, country)) WITHOUT ROWID;
      CREATE TABLE pr_cells(country TEXT NOT NULL, platform TEXT NOT NULL, month TEXT NOT NULL, labels TEXT NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (country, platform, month)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    if ((CASE_ACCESS_EVENTS as readonly string[]).includes(event.type)) return evolveAccess(rm, event, str(d.caseId) ?? '');
    const position = Number(event.position);
    const before = rm.stmt('SELECT * FROM pr_referrals WHERE referral_id = ?').get(d.referralId) as ReferralFacts | undefined;
    if (before && before.last_position >= position) return; // already applied (a re-read suffix of the log)
    if (!before && event.type !== 'ContentReferred') return;
    const after = event.type === 'ContentReferred' ? referredFacts(d, position) : { ...before!, last_position: position };
    if (before) foldFacts(after, event.type, d);
    rm.stmt(SAVE).run(after);
    if (!before && after.case_id) rm.stmt('INSERT OR IGNORE INTO pr_case_referrals(case_id, referral_id) VALUES (?, ?)').run(after.case_id, after.referral_id);
    move(rm, [...(before ? [{ f: before, countries: viewersOf(rm, before), sign: -1 as const }] : []),
      { f: after, countries: viewersOf(rm, after), sign: 1 }]);
  },
  endBatch: writeCells,
};

/** Countries with access to a case, from pr_case_countries (case_access is keyed by country first). */
function caseCountries(rm: ReadModelDb, caseId: string): string[] {
  if (!caseId) return [];
  return (rm.stmt('SELECT country FROM pr_case_countries WHERE case_id = ?').pluck().all(caseId) as string[]);
}

function viewersOf(rm: ReadModelDb, f: ReferralFacts): string[] {
  return referralViewers(f.referrers, caseCountries(rm, f.case_id));
}

/**
 * An access event changes at most one country's access to one case. If it gained or lost access, it
 * starts or stops counting the case's referrals it did not refer itself.
 */
function evolveAccess(rm: ReadModelDb, event: RecordedEvent, caseId: string): void {
  const { country, change } = evolveCaseAccessChange(rm, event, 'pr_case_countries');
  if (change === 0) return;
  const referrals = rm.stmt(`SELECT r.* FROM pr_case_referrals x JOIN pr_referrals r ON r.referral_id = x.referral_id
    WHERE x.case_id = ?`).all(caseId) as ReferralFacts[];
  move(rm, referrals.filter((f) => !f.referrers.split(',').includes(country)).map((f) => ({ f, countries: [country], sign: change })));
}

interface Move {
  f: ReferralFacts;
  countries: readonly string[];
  /** 1: add the referral's contribution in the cells of `countries`; -1: subtract it. */
  sign: 1 | -1;
}

type CellKey = [country: string, platform: string, month: string];

/**
 * The cells touched in the current batch, decoded: read on first touch, written once in endBatch
 * (same transaction). A national-scale cell packs a few KB, and most of a batch's events land in the
 * same few hundred cells, so each is decoded and encoded once per batch instead of once per event.
 */
const batchCells = new WeakMap<ReadModelDb, Map<string, { key: CellKey; subs: SubCell[] }>>();

/** Applies the moves to the batch's decoded cells; an event's "subtract before, add after" mostly meets in one cell. */
function move(rm: ReadModelDb, moves: readonly Move[]): void {
  let cells = batchCells.get(rm);
  if (!cells) batchCells.set(rm, (cells = new Map()));
  for (const { f, countries, sign } of moves) {
    const c: Contribution = contributionOf(f);
    for (const country of countries) {
      const id = `${country}\u0000${f.platform}\u0000${f.month}`;
      let cell = cells.get(id);
      if (!cell) {
        const key: CellKey = [country, f.platform, f.month];
        const row = rm.stmt(`SELECT labels, data FROM pr_cells WHERE ${CELL_KEY}`).raw().get(...key) as [string, Buffer] | undefined;
        cells.set(id, (cell = { key, subs: decodeCell(row?.[0], row?.[1]) }));
      }
      cell.subs = addToCell(cell.subs, f.origin, f.basis, c, sign);
    }
  }
}

function writeCells(rm: ReadModelDb, failed: boolean): void {
  const cells = batchCells.get(rm);
  if (!cells || cells.size === 0) return;
  if (!failed) {
    for (const { key, subs } of cells.values()) {
      if (subs.length === 0) rm.stmt(`DELETE FROM pr_cells WHERE ${CELL_KEY}`).run(...key);
      else {
        const { labels, data } = encodeCell(subs);
        rm.stmt('INSERT OR REPLACE INTO pr_cells(country, platform, month, labels, data) VALUES (?, ?, ?, ?, ?)').run(...key, labels, data);
      }
    }
  }
  cells.clear();
}
