import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { referralVisibleTo } from '../../access/referral-access.js';
import {
  addFilter, clampLimit, decodeCursor, prepared, toPage, utcParam, viewerParams, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import type { ReferralStatus } from './referral-ledger.fold.js';
import { stepsOf, type ReferralStep } from './referral-timeline.js';

export interface ReferralEntry {
  referralId: string;
  /** The linked case, only if the viewer may see that case (else null, like an unlinked referral). */
  caseId: string | null;
  /** The linked handler abroad (a case record): shown under the same condition as caseId. */
  handlerId: string | null;
  platform: string;
  platformName: string | null;
  /** Personal data: the URL or platform id as referred. */
  locator: string;
  locatorSha256: string;
  contentKind: string;
  basis: string;
  actionDayId: string | null;
  originCountry: string;
  originUnit: string | null;
  /** Countries that joined the referral later, sorted (the originator not included). */
  coReferrers: string[];
  referredAt: string;
  /** 1, plus one per reappearance; the fields below describe this round. */
  round: number;
  sentAt: string | null;
  responseDueAt: string | null;
  acknowledgedAt: string | null;
  outcome: 'removed' | 'geo_blocked' | 'declined' | null;
  outcomeAt: string | null;
  declineReason: string | null;
  noResponseRecorded: boolean;
  reappearances: number;
  latestLocator: string | null;
  withdrawn: boolean;
  status: ReferralStatus;
  lastPosition: number;
}

export interface ListReferralsOptions extends PageOptions {
  platform?: string;
  status?: ReferralStatus;
  caseId?: string;
  handlerId?: string;
  actionDayId?: string;
  /** Referred (originally or as co-referrer) by this country. */
  country?: string;
  basis?: string;
  /** referredAt period: from inclusive, to exclusive (ISO instants). */
  from?: string;
  to?: string;
  /** Sent in the current round, no outcome yet, not withdrawn, responseDueAt before `now`. */
  overdueOnly?: boolean;
  /** ISO instant the answer is computed for; queries never read the clock. */
  now: string;
}

/** The viewer may see the linked case itself (not only the referral). */
const CASE_VISIBLE = 'r.case_id IN (SELECT case_id FROM case_access WHERE country = @viewerCountry)';
const OPEN = 'r.sent_at IS NOT NULL AND r.outcome IS NULL AND r.withdrawn = 0';

const SELECT = `SELECT r.referral_id AS referralId, CASE WHEN ${CASE_VISIBLE} THEN r.case_id END AS caseId,
    CASE WHEN ${CASE_VISIBLE} THEN r.handler_id END AS handlerId, r.platform, r.platform_name AS platformName, r.locator,
    r.locator_sha256 AS locatorSha256, r.content_kind AS contentKind, r.basis, r.action_day_id AS actionDayId,
    r.origin_country AS originCountry, r.origin_unit AS originUnit, r.co_referrers AS coReferrers, r.referred_at AS referredAt,
    r.round, r.sent_at AS sentAt, r.response_due_at AS responseDueAt, r.acknowledged_at AS acknowledgedAt, r.outcome,
    r.outcome_at AS outcomeAt, r.decline_reason AS declineReason, r.no_response_recorded AS noResponseRecorded,
    r.reappearances, r.latest_locator AS latestLocator, r.withdrawn, r.status, r.last_position AS lastPosition
  FROM rl_referrals r`;

type Row = Omit<ReferralEntry, 'coReferrers' | 'noResponseRecorded' | 'withdrawn'> &
  { coReferrers: string; noResponseRecorded: number; withdrawn: number };

const entry = (r: Row): ReferralEntry => ({
  ...r, coReferrers: r.coReferrers ? r.coReferrers.split(',') : [], noResponseRecorded: r.noResponseRecorded === 1, withdrawn: r.withdrawn === 1,
});

/** Referrals the viewer may see, newest referredAt first. */
export function listReferrals(db: Database.Database, viewer: Viewer, options: ListReferralsOptions): Page<ReferralEntry> {
  const limit = clampLimit(options.limit);
  const where = [referralVisibleTo('r')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), limit: limit + 1 };
  addFilter(where, params, options.platform, 'r.platform = @platform', 'platform');
  addFilter(where, params, options.status, 'r.status = @status', 'status');
  addFilter(where, params, options.basis, 'r.basis = @basis', 'basis');
  // Filtering by case or handler must not reveal links to a case the viewer cannot see.
  addFilter(where, params, options.caseId, `r.case_id = @caseId AND ${CASE_VISIBLE}`, 'caseId');
  addFilter(where, params, options.handlerId, `r.handler_id = @handlerId AND ${CASE_VISIBLE}`, 'handlerId');
  addFilter(where, params, options.actionDayId,
    'r.referral_id IN (SELECT referral_id FROM rl_referral_days WHERE action_day_id = @actionDayId)', 'actionDayId');
  addFilter(where, params, options.country, "instr(',' || r.referrers || ',', ',' || @country || ',') > 0", 'country');
  if (options.from) addFilter(where, params, utcParam(options.from, 'from'), 'r.referred_at >= @from', 'from');
  if (options.to) addFilter(where, params, utcParam(options.to, 'to'), 'r.referred_at < @to', 'to');
  if (options.overdueOnly) addFilter(where, params, utcParam(options.now, 'now'), `${OPEN} AND r.response_due_at < @now`, 'now');
  if (options.cursor) {
    const [at, id] = decodeCursor<[string, string]>(options.cursor, ['string', 'string']);
    where.push('(r.referred_at, r.referral_id) < (@cAt, @cId)');
    Object.assign(params, { cAt: at, cId: id });
  }
  const rows = prepared(db, `${SELECT} WHERE ${where.join(' AND ')}
    ORDER BY r.referred_at DESC, r.referral_id DESC LIMIT @limit`).all(params) as Row[];
  return toPage(rows, limit, entry, (r) => [r.referredAt, r.referralId]);
}

export interface ReferralDetail extends ReferralEntry {
  /** Every step, oldest first, with its business time and the recording country. */
  steps: ReferralStep[];
}

/** One referral with its dated steps, or null when it does not exist or the viewer may not see it (indistinguishable). */
export function referralDetail(db: Database.Database, viewer: Viewer, referralId: string): ReferralDetail | null {
  const row = prepared(db, `${SELECT} WHERE r.referral_id = @referralId AND ${referralVisibleTo('r')}`)
    .get({ ...viewerParams(viewer), referralId }) as Row | undefined;
  if (!row) return null;
  const steps = prepared(db, 'SELECT type, at, country, detail FROM rl_steps WHERE referral_id = ? ORDER BY position').all(referralId) as Parameters<typeof stepsOf>[0];
  return { ...entry(row), steps: stepsOf(steps) };
}

/** Open referrals (sent, no outcome in this round, not withdrawn) past their responseDueAt, oldest due first. */
export function overdueReferrals(
  db: Database.Database, viewer: Viewer, options: { now: string; platform?: string; limit?: number },
): ReferralEntry[] {
  const where = [OPEN, 'r.response_due_at < @now', referralVisibleTo('r')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), now: utcParam(options.now, 'now'), limit: clampLimit(options.limit) };
  addFilter(where, params, options.platform, 'r.platform = @platform', 'platform');
  return (prepared(db, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.response_due_at, r.referral_id LIMIT @limit`)
    .all(params) as Row[]).map(entry);
}
