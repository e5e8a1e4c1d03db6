import type { CountryCode } from '../shared/country-code.js';
import type { DeclineReason, ReferralBasis, ReferralEvent } from './referral.events.js';

// A referral lives in rounds: round 1 starts when the content is referred, and each reappearance
// of removed or blocked content starts the next one (send, answer, outcome all over again).
// Decisions look at the current round; of earlier rounds only their outcomes are kept, so that
// re-importing an old answer file stays a no-op after the content reappeared.

/** The platform's answer in a round, kept in full so a re-imported answer can be recognised. */
export type RoundOutcome =
  | { outcome: 'removed'; at: string }
  | { outcome: 'geo_blocked'; at: string; countries: readonly CountryCode[] }
  | { outcome: 'declined'; at: string; reason: DeclineReason; reasonText?: string };

export interface ReferralRound {
  /** 1 for the original referral, +1 per reappearance. */
  number: number;
  /** referredAt of round 1, seenAt of a reappearance: nothing in the round happened earlier. */
  startedAt: string;
  sent?: { sentAt: string; responseDueAt: string };
  acknowledgedAt?: string;
  outcome?: RoundOutcome;
  noResponseRecordedAt?: string;
}

export interface ExistingReferralState {
  exists: true;
  referralId: string;
  /** The full hash of the normalised locator first referred: the stream's de-duplication key. */
  locatorSha256: string;
  basis: ReferralBasis;
  originatorCountry: CountryCode;
  coReferrers: readonly CountryCode[];
  withdrawn: boolean;
  round: ReferralRound;
  /** Outcomes of the rounds before the current one, oldest first. */
  earlierOutcomes: readonly RoundOutcome[];
}

export type ReferralState = { exists: false } | ExistingReferralState;

export const initialReferralState = (): ReferralState => ({ exists: false });

const inRound = (state: ExistingReferralState, change: Partial<ReferralRound>): ExistingReferralState =>
  ({ ...state, round: { ...state.round, ...change } });

/**
 * Folds one event into the state. Events before ContentReferred change nothing; an unknown event
 * type throws, because deciding on a history we cannot read is worse than refusing to decide.
 */
export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ContentReferred') {
    const { referralId, locatorSha256, basis, referringCountry, referredAt } = event.data;
    return {
      exists: true, referralId, locatorSha256, basis, originatorCountry: referringCountry, coReferrers: [],
      withdrawn: false, round: { number: 1, startedAt: referredAt }, earlierOutcomes: [],
    };
  }
  if (!state.exists) return state;
  const s = state;
  switch (event.type) {
    case 'CoReferrerJoined':
      return { ...s, coReferrers: [...s.coReferrers, event.data.country] };
    case 'ReferralSentToPlatform':
      return inRound(s, { sent: { sentAt: event.data.sentAt, responseDueAt: event.data.responseDueAt } });
    case 'PlatformAcknowledged':
      return inRound(s, { acknowledgedAt: event.data.acknowledgedAt });
    case 'ContentRemoved':
      return inRound(s, { outcome: { outcome: 'removed', at: event.data.removedAt } });
    case 'ContentGeoBlocked':
      return inRound(s, { outcome: { outcome: 'geo_blocked', at: event.data.blockedAt, countries: event.data.countries } });
    case 'RemovalDeclined': {
      const { declinedAt, reason, reasonText } = event.data;
      return inRound(s, { outcome: { outcome: 'declined', at: declinedAt, reason, ...(reasonText !== undefined ? { reasonText } : {}) } });
    }
    case 'NoPlatformResponse':
      return inRound(s, { noResponseRecordedAt: event.data.recordedAt });
    case 'ContentReappeared':
      return {
        ...s,
        round: { number: s.round.number + 1, startedAt: event.data.seenAt },
        earlierOutcomes: s.round.outcome ? [...s.earlierOutcomes, s.round.outcome] : s.earlierOutcomes,
      };
    case 'ReferralWithdrawn':
      return { ...s, withdrawn: true };
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled referral event ${(unhandled as { type: string }).type}`);
    }
  }
}

/** A referral stream is short (a handful of events per round), so a plain reduce is fast enough. */
export const foldReferral = (state: ReferralState, events: readonly ReferralEvent[]): ReferralState =>
  events.reduce(evolveReferral, state);
