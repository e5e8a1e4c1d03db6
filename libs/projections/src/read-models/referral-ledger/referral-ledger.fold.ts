import { withReferrer } from '../../access/referral-access.js';
import { OUTCOME_EVENTS } from '../shared/referral-events.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';

export const REFERRAL_STATUSES = [
  'referred', 'sent', 'acknowledged', 'removed', 'geo_blocked', 'declined', 'no_response', 'reappeared', 'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** One rl_referrals row, column for column (so it binds as named parameters as it is). */
export interface LedgerRow {
  referral_id: string; platform: string; platform_name: string | null; locator: string; locator_sha256: string;
  content_kind: string; basis: string; case_id: string | null; handler_id: string | null; action_day_id: string | null;
  origin_country: string; origin_unit: string | null; co_referrers: string; referrers: string; referred_at: string;
  round: number; first_sent_at: string | null; sent_at: string | null; response_due_at: string | null;
  acknowledged_at: string | null; outcome: string | null; outcome_at: string | null; decline_reason: string | null;
  no_response_recorded: number; reappearances: number; latest_locator: string | null; withdrawn: number;
  withdrawn_at: string | null; status: ReferralStatus; last_position: number;
}

export const LEDGER_COLUMNS = `referral_id TEXT PRIMARY KEY, platform TEXT NOT NULL, platform_name TEXT, locator TEXT NOT NULL,
  locator_sha256 TEXT NOT NULL, content_kind TEXT NOT NULL, basis TEXT NOT NULL, case_id TEXT, handler_id TEXT, action_day_id TEXT,
  origin_country TEXT NOT NULL, origin_unit TEXT, co_referrers TEXT NOT NULL, referrers TEXT NOT NULL, referred_at TEXT NOT NULL,
  round INTEGER NOT NULL, first_sent_at TEXT, sent_at TEXT, response_due_at TEXT, acknowledged_at TEXT, outcome TEXT,
  outcome_at TEXT, decline_reason TEXT, no_response_recorded INTEGER NOT NULL, reappearances INTEGER NOT NULL,
  latest_locator TEXT, withdrawn INTEGER NOT NULL, withdrawn_at TEXT, status TEXT NOT NULL, last_position INTEGER NOT NULL`;

/** The row a ContentReferred event starts. */
export function referredRow(d: Data, position: number): LedgerRow {
  const origin = String(d.referringCountry);
  return {
    referral_id: String(d.referralId), platform: String(d.platform), platform_name: str(d.platformName),
    locator: String(d.locator), locator_sha256: String(d.locatorSha256), content_kind: String(d.contentKind),
    basis: String(d.basis), case_id: str(d.caseId), handler_id: str(d.handlerId), action_day_id: str(d.actionDayId),
    origin_country: origin, origin_unit: str(d.unit), co_referrers: '', referrers: origin,
    referred_at: utc(d.referredAt) ?? '', round: 1, first_sent_at: null, sent_at: null, response_due_at: null,
    acknowledged_at: null, outcome: null, outcome_at: null, decline_reason: null, no_response_recorded: 0,
    reappearances: 0, latest_locator: null, withdrawn: 0, withdrawn_at: null, status: 'referred', last_position: position,
  };
}

/**
 * Applies a later event of the referral. The "current round" fields describe the latest round: a
 * reappearance starts a new one (sent/answer fields cleared), so a new send and outcome can follow.
 */
export function foldReferral(row: LedgerRow, type: string, d: Data): void {
  const outcome = OUTCOME_EVENTS[type];
  if (outcome) {
    row.outcome = outcome.outcome;
    row.outcome_at = utc(d[outcome.at]);
    row.decline_reason = outcome.outcome === 'declined' ? str(d.reason) : null;
    return;
  }
  switch (type) {
    case 'CoReferrerJoined': {
      const country = String(d.country);
      if (country !== row.origin_country) row.co_referrers = withReferrer(row.co_referrers, country);
      row.referrers = withReferrer(row.referrers, country);
      return;
    }
    case 'ReferralSentToPlatform':
      row.sent_at = utc(d.sentAt);
      row.first_sent_at ??= row.sent_at;
      row.response_due_at = utc(d.responseDueAt);
      return;
    case 'PlatformAcknowledged':
      row.acknowledged_at ??= utc(d.acknowledgedAt);
      return;
    case 'NoPlatformResponse':
      row.no_response_recorded = 1;
      return;
    case 'ContentReappeared':
      Object.assign(row, { round: row.round + 1, reappearances: row.reappearances + 1, latest_locator: str(d.locator),
        sent_at: null, response_due_at: null, acknowledged_at: null, outcome: null, outcome_at: null, decline_reason: null,
        no_response_recorded: 0 });
      return;
    case 'ReferralWithdrawn':
      row.withdrawn = 1;
      row.withdrawn_at = utc(d.withdrawnAt);
      return;
  }
}

/** Withdrawal wins; then the current round's outcome, a recorded silence, a reappearance, ack, send. */
export function statusOf(row: LedgerRow): ReferralStatus {
  if (row.withdrawn) return 'withdrawn';
  if (row.outcome) return row.outcome as ReferralStatus;
  if (row.no_response_recorded) return 'no_response';
  if (row.acknowledged_at) return 'acknowledged';
  if (row.sent_at) return 'sent';
  return row.reappearances > 0 ? 'reappeared' : 'referred';
}
