import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccessChange, setupCaseAccess } from '../../access/access-policy.js';
import { referralViewers } from '../../access/referral-access.js';
import { REFERRAL_EVENTS } from '../shared/referral-events.js';
import { str, type Data } from '../shared/read-model-helpers.js';
import {
  contributionOf, COUNTERS, FACT_COLUMNS, foldFacts, referredFacts, type Contribution, type ReferralFacts,
} from './platform-responsiveness.contribution.js';
import { bumpHistogram, decodeHistogram, encodeHistogram } from './removal-histogram.js';

const KEY = ['country', 'month', 'platform', 'origin', 'basis'] as const;
const FACT_KEYS = Object.keys(referredFacts({}, 0)) as (keyof ReferralFacts)[];
const SAVE = `INSERT OR REPLACE INTO pr_referrals(${FACT_KEYS.join(', ')}) VALUES (${FACT_KEYS.map((k) => `@${k}`).join(', ')})`;
const ADD_GROUP = `INSERT INTO pr_groups(${KEY.join(', ')}, ${COUNTERS.join(', ')}) VALUES (${KEY.map(() => '?').join(', ')},
  ${COUNTERS.map(() => '?').join(', ')}) ON CONFLICT DO UPDATE SET ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const WHERE_KEY = KEY.map((k) => `${k} = ?`).join(' AND ');

/**
 * Platform figures without personal data, pre-summed per viewer country. Visibility (referralVisibleTo:
 * a referrer, or access to the linked case) is applied when writing: each referral's contribution is
 * counted in the groups of exactly the countries that may see it now, so a query reads only its own
 * country's few hundred group rows, whatever the number of referrals or cases. Every event moves
 * contributions as a difference: subtract what the referral counted for its viewers before, add what
 * it counts for its viewers after. Case access events do the same for the referrals of that case
 * whose viewers changed. Rows whose counts reach zero are deleted, so the tables are a function of
 * the state alone (a rebuild and an incremental build are byte-equal).
 *
 * pr_groups: counters (COUNTERS) per (country, month, platform, origin, basis);
 * pr_ttr: removals per whole hour from sending to removal, one histogram BLOB per group (removal-histogram.ts);
 * pr_pending: sent-but-unanswered per sent hour.
 */
export const platformResponsivenessProjection: Projection = {
  name: 'platform-responsiveness',
  // 2: pr_ttr holds one histogram per group (and pr_case_countries, added without a bump before).
  version: 2,
  canHandle: [...CASE_ACCESS_EVENTS, ...REFERRAL_EVENTS],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    const key = 'country TEXT NOT NULL, month TEXT NOT NULL, platform TEXT NOT NULL, origin TEXT NOT NULL, basis TEXT NOT NULL';
    db.exec(`
      CREATE TABLE pr_referrals(${FACT_COLUMNS}) WITHOUT ROWID;
      -- Referrals per linked case, for case access events (a table, since files get indexes only after a build).
      CREATE TABLE pr_case_referrals(case_id TEXT NOT NULL, referral_id TEXT NOT NULL, PRIMARY KEY (case_id, referral_id)) WITHOUT ROWID;
      -- case_access by case (its key starts with the country), kept in step by evolveAccess.
      CREATE TABLE pr_case_countries(case_id TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (case_id, country)) WITHOUT ROWID;
      CREATE TABLE pr_groups(${key}, ${COUNTERS.map((c) => `${c} INTEGER NOT NULL`).join(', ')},
        PRIMARY KEY (${KEY.join(', ')})) WITHOUT ROWID;
      CREATE TABLE pr_ttr(${key}, hist BLOB NOT NULL, PRIMARY KEY (${KEY.join(', ')})) WITHOUT ROWID;
      CREATE TABLE pr_pending(${key}, sent_hour INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (country, sent_hour, month, platform, origin, basis)) WITHOUT ROWID;`);
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
    if (before) move(rm, before, viewersOf(rm, before), -1);
    move(rm, after, viewersOf(rm, after), 1);
  },
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
  for (const f of referrals) {
    if (!f.referrers.split(',').includes(country)) move(rm, f, [country], change);
  }
}

/** Adds (sign 1) or subtracts (-1) the referral's contribution in the groups of `countries`. */
function move(rm: ReadModelDb, f: ReferralFacts, countries: readonly string[], sign: 1 | -1): void {
  const c: Contribution = contributionOf(f);
  const counters = c.counters.map((n) => n * sign);
  for (const country of countries) {
    const key = [country, f.month, f.platform, f.origin, f.basis];
    rm.stmt(ADD_GROUP).run(...key, ...counters);
    if (sign < 0) rm.stmt(`DELETE FROM pr_groups WHERE ${WHERE_KEY} AND referred = 0`).run(...key);
    if (c.ttrHours !== null) bumpRemovals(rm, key, c.ttrHours, sign);
    if (c.pendingHour !== null) bump(rm, 'pr_pending', 'sent_hour', key, c.pendingHour, sign);
  }
}

function bumpRemovals(rm: ReadModelDb, key: unknown[], hours: number, sign: number): void {
  const before = rm.stmt(`SELECT hist FROM pr_ttr WHERE ${WHERE_KEY}`).pluck().get(...key) as Buffer | undefined;
  const after = bumpHistogram(decodeHistogram(before), hours, sign);
  if (after.length === 0) rm.stmt(`DELETE FROM pr_ttr WHERE ${WHERE_KEY}`).run(...key);
  else rm.stmt(`INSERT OR REPLACE INTO pr_ttr(${KEY.join(', ')}, hist) VALUES (?,?,?,?,?,?)`).run(...key, encodeHistogram(after));
}

function bump(rm: ReadModelDb, table: string, column: string, key: unknown[], value: number, sign: number): void {
  rm.stmt(`INSERT INTO ${table}(${KEY.join(', ')}, ${column}, n) VALUES (?,?,?,?,?,?,?)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`).run(...key, value, sign);
  if (sign < 0) rm.stmt(`DELETE FROM ${table} WHERE ${WHERE_KEY} AND ${column} = ? AND n = 0`).run(...key, value);
}
