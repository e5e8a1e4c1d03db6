// Event names of platform referrals and action days, as stored in the log (libs/domain's
// referral.events.ts and action-day.events.ts define the payloads). Read models only need the
// names and read payloads as plain records, so they do not depend on where the types live.

export const REFERRAL_EVENTS = [
  'ContentReferred', 'CoReferrerJoined', 'ReferralSentToPlatform', 'PlatformAcknowledged', 'ContentRemoved',
  'ContentGeoBlocked', 'RemovalDeclined', 'NoPlatformResponse', 'ContentReappeared', 'ReferralWithdrawn',
] as const;

export const ACTION_DAY_EVENTS = ['ReferralActionDayPlanned', 'ActionDayListSubmitted', 'PlatformAnswersImported'] as const;

/** The platform's answers that end a round, with the payload field holding their business time. */
export const OUTCOME_EVENTS: Readonly<Record<string, { outcome: 'removed' | 'geo_blocked' | 'declined'; at: string }>> = {
  ContentRemoved: { outcome: 'removed', at: 'removedAt' },
  ContentGeoBlocked: { outcome: 'geo_blocked', at: 'blockedAt' },
  RemovalDeclined: { outcome: 'declined', at: 'declinedAt' },
};

export const HOUR_MS = 3_600_000;
