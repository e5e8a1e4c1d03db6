import type Database from 'better-sqlite3';
import { prepared, utcParam } from '../shared/read-model-helpers.js';

export interface AwaitingFollowUp {
  referralId: string;
  /** The originating country: the follow-up is recorded on its behalf. */
  originCountry: string;
}

/**
 * Referrals whose platform let the response deadline pass (sent, no outcome in this round, not
 * withdrawn) and on which no NoPlatformResponse is recorded yet, earliest deadline first. For the
 * service's own follow-up, not for a viewer: it returns ids only, and no access rule applies.
 */
export function awaitingFollowUp(db: Database.Database, options: { now: string; limit: number }): AwaitingFollowUp[] {
  return prepared(db, `SELECT r.referral_id AS referralId, r.origin_country AS originCountry FROM rl_referrals r
    WHERE r.sent_at IS NOT NULL AND r.outcome IS NULL AND r.withdrawn = 0 AND r.response_due_at < @now AND r.no_response_recorded = 0
    ORDER BY r.response_due_at, r.referral_id LIMIT @limit`)
    .all({ now: utcParam(options.now, 'now'), limit: options.limit }) as AwaitingFollowUp[];
}
