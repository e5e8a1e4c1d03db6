import { withReferrer } from '../../access/referral-access.js';
import { HOUR_MS, OUTCOME_EVENTS } from '../shared/referral-events.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';

/**
 * What one referral contributes to the platform figures. Everything is about round 1 (the content
 * as first referred): a reappearance only sets `reappeared`, later rounds' answers are ignored, so
 * a re-upload neither improves nor spoils the platform's first response. No personal data here.
 */
export interface ReferralFacts {
  referral_id: string;
  platform: string;
  /** YYYY-MM of referredAt (UTC). */
  month: string;
  origin: string;
  basis: string;
  /** '' if not linked to a case. */
  case_id: string;
  /** Sorted, comma-joined countries that referred it (originator included). */
  referrers: string;
  round: number;
  /** Epoch ms of the business times (round 1). */
  sent_ms: number | null;
  /** Earliest acknowledgement or outcome. */
  first_answer_ms: number | null;
  /** The latest outcome recorded in round 1, and its time. */
  outcome: string | null;
  outcome_ms: number | null;
  no_response: number;
  withdrawn: number;
  reappeared: number;
  last_position: number;
}

export const FACT_COLUMNS = `referral_id TEXT PRIMARY KEY, platform TEXT NOT NULL, month TEXT NOT NULL, origin TEXT NOT NULL,
  basis TEXT NOT NULL, case_id TEXT NOT NULL, referrers TEXT NOT NULL, round INTEGER NOT NULL, sent_ms INTEGER,
  first_answer_ms INTEGER, outcome TEXT, outcome_ms INTEGER, no_response INTEGER NOT NULL, withdrawn INTEGER NOT NULL,
  reappeared INTEGER NOT NULL, last_position INTEGER NOT NULL`;

/** Counter columns of pr_groups, in the order of Contribution.counters. */
export const COUNTERS = [
  'referred', 'sent', 'answered', 'answered_within_24h', 'answered_within_7d', 'removed', 'geo_blocked', 'declined',
  'no_response_recorded', 'withdrawn', 'orders_sent', 'orders_removed_within_1h', 'reappeared',
] as const;

export interface Contribution {
  counters: number[];
  /** Whole hours from sending to removal, for removed referrals. */
  ttrHours: number | null;
  /** Hour (epoch hours) it was sent in, for sent referrals without an answer yet. */
  pendingHour: number | null;
}

const ms = (v: unknown): number | null => {
  const t = Date.parse(utc(v) ?? '');
  return Number.isNaN(t) ? null : t;
};

export function referredFacts(d: Data, position: number): ReferralFacts {
  return {
    referral_id: String(d.referralId), platform: String(d.platform), month: (utc(d.referredAt) ?? '').slice(0, 7),
    origin: String(d.referringCountry), basis: String(d.basis), case_id: str(d.caseId) ?? '',
    referrers: String(d.referringCountry), round: 1, sent_ms: null, first_answer_ms: null, outcome: null, outcome_ms: null,
    no_response: 0, withdrawn: 0, reappeared: 0, last_position: position,
  };
}

/** Applies a later event to the facts (see ReferralFacts: round 1 only, apart from reappearance and withdrawal). */
export function foldFacts(f: ReferralFacts, type: string, d: Data): void {
  const outcome = OUTCOME_EVENTS[type];
  const answer = (at: number | null): void => {
    if (at !== null && (f.first_answer_ms === null || at < f.first_answer_ms)) f.first_answer_ms = at;
  };
  if (type === 'CoReferrerJoined') f.referrers = withReferrer(f.referrers, String(d.country));
  else if (type === 'ContentReappeared') Object.assign(f, { round: f.round + 1, reappeared: 1 });
  else if (type === 'ReferralWithdrawn') f.withdrawn = 1;
  else if (f.round !== 1) return;
  else if (outcome) {
    f.outcome = outcome.outcome;
    f.outcome_ms = ms(d[outcome.at]);
    answer(f.outcome_ms);
  } else if (type === 'ReferralSentToPlatform') f.sent_ms ??= ms(d.sentAt);
  else if (type === 'PlatformAcknowledged') answer(ms(d.acknowledgedAt));
  else if (type === 'NoPlatformResponse') f.no_response = 1;
}

const b = (x: boolean): number => (x ? 1 : 0);

export function contributionOf(f: ReferralFacts): Contribution {
  const sent = f.sent_ms !== null;
  const answered = sent && f.first_answer_ms !== null;
  const wait = answered ? f.first_answer_ms! - f.sent_ms! : Infinity;
  const removed = f.outcome === 'removed';
  const order = f.basis === 'removal_order';
  const ttr = sent && removed && f.outcome_ms !== null ? f.outcome_ms - f.sent_ms! : null;
  return {
    counters: [
      1, b(sent), b(answered), b(wait <= 24 * HOUR_MS), b(wait <= 7 * 24 * HOUR_MS), b(removed), b(f.outcome === 'geo_blocked'),
      b(f.outcome === 'declined'), f.no_response, f.withdrawn, b(order && sent), b(order && ttr !== null && ttr <= HOUR_MS), f.reappeared,
    ],
    ttrHours: ttr === null ? null : Math.max(0, Math.floor(ttr / HOUR_MS)),
    pendingHour: sent && !answered ? Math.floor(f.sent_ms! / HOUR_MS) : null,
  };
}
