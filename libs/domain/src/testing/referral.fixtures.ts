// Fixed ids, instants and ready-made events for the referral and action-day specs. No clock.
import type { ActionDayCommand, ActionDayCommandType } from '../action-day/action-day.commands.js';
import type { ActionDayListSubmitted, PlatformAnswersImported, ReferralActionDayPlanned } from '../action-day/action-day.events.js';
import { actionDayDecider } from '../action-day/action-day.decider.js';
import { referralIdFor } from '../referral/locator.js';
import type { ReferralCommand, ReferralCommandType } from '../referral/referral.commands.js';
import { referralDecider } from '../referral/referral.decider.js';
import type {
  CoReferrerJoined, ContentGeoBlocked, ContentReappeared, ContentReferred, ContentRemoved, DeclineReason,
  NoPlatformResponse, PlatformAcknowledged, ReferralSentToPlatform, ReferralWithdrawn, RemovalDeclined,
} from '../referral/referral.events.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import { givenFor } from './given-when-then.js';

export const givenReferral = givenFor(referralDecider);
export const givenActionDay = givenFor(actionDayDecider);

export const NOW = '2024-09-02T10:00:00.000Z';
export const REFERRED_AT = '2024-09-02T08:00:00.000Z';
export const SENT_AT = '2024-09-02T08:30:00.000Z';
/** SENT_AT + 1 hour: already passed at NOW. */
export const ORDER_DUE_AT = '2024-09-02T09:30:00.000Z';
/** SENT_AT + DEFAULT_FOLLOW_UP_DAYS: still ahead at NOW. */
export const REFERRAL_DUE_AT = '2024-09-09T08:30:00.000Z';

export const LOCATOR = 'https://www.tiktok.com/@gang.recruiter/video/7391234567890123456';
/** Stands in for SHA-256(normaliseLocator(LOCATOR)); the decider never hashes. */
export const LOCATOR_SHA256 = '3f6c1a9e2b7d4c8e0a5f1b3d6e9c2a7b4d8e1f0a3c5b7d9e2f4a6c8e0b1d3f5a';
export const REFERRAL_ID = referralIdFor(LOCATOR_SHA256);
export const REAPPEARED_LOCATOR = 'https://www.tiktok.com/@gang.recruiter2/video/7399999999999999999';
export const REAPPEARED_SHA256 = 'a'.repeat(64);
export const EVIDENCE_SHA256 = 'b'.repeat(64);
export const ACTION_DAY_ID = 'ad-2024-09-tiktok';
export const LIST_SHA256 = 'c'.repeat(64);
export const ANSWERS_SHA256 = 'd'.repeat(64);

/** Metadata for an officer of `country` (the originator, SE, unless said otherwise), at NOW unless said. */
export function by(country = 'SE', now = NOW): CommandMetadata {
  return { actor: { id: `officer-${country.toLowerCase()}`, country }, now, correlationId: 'corr-1', causationId: 'cause-1' };
}

/** Builds a referral command with referralId filled in, as SE unless metadata is given. */
export function referralCommand<T extends ReferralCommandType>(
  type: T,
  data: Omit<Extract<ReferralCommand, { type: T }>['data'], 'referralId'>,
  metadata: CommandMetadata = by(),
): Extract<ReferralCommand, { type: T }> {
  return { type, data: { referralId: REFERRAL_ID, ...data }, metadata } as unknown as Extract<ReferralCommand, { type: T }>;
}

/** Builds an action-day command with actionDayId filled in, as SE (the organiser) unless metadata is given. */
export function actionDayCommand<T extends ActionDayCommandType>(
  type: T,
  data: Omit<Extract<ActionDayCommand, { type: T }>['data'], 'actionDayId'>,
  metadata: CommandMetadata = by(),
): Extract<ActionDayCommand, { type: T }> {
  return { type, data: { actionDayId: ACTION_DAY_ID, ...data }, metadata } as unknown as Extract<ActionDayCommand, { type: T }>;
}

/** The data of a well-formed ReferContent for LOCATOR (a terms-of-service referral). */
export const referContentData = {
  platform: 'tiktok', locator: LOCATOR, locatorSha256: LOCATOR_SHA256, contentKind: 'recruitment_offer',
  basis: 'tos_referral', unit: 'NOA Cyber', referredAt: REFERRED_AT,
} as const;

export const contentReferred = (overrides: Partial<ContentReferred['data']> = {}): ContentReferred => ({
  type: 'ContentReferred',
  data: {
    referralId: REFERRAL_ID, platform: 'tiktok', locator: LOCATOR, locatorSha256: LOCATOR_SHA256,
    contentKind: 'recruitment_offer', basis: 'tos_referral', referredBy: 'officer-se', referringCountry: 'SE',
    unit: 'NOA Cyber', referredAt: REFERRED_AT, ...overrides,
  },
});
export const orderReferred = contentReferred({ basis: 'removal_order', contentKind: 'terrorist_content' });

export const coReferrerJoined = (country: string, joinedAt = '2024-09-02T09:00:00.000Z'): CoReferrerJoined => ({
  type: 'CoReferrerJoined',
  data: { referralId: REFERRAL_ID, country, referredBy: `officer-${country.toLowerCase()}`, unit: 'Cyber unit', joinedAt },
});

export const sentToPlatform = (responseDueAt = REFERRAL_DUE_AT, sentAt = SENT_AT): ReferralSentToPlatform => ({
  type: 'ReferralSentToPlatform', data: { referralId: REFERRAL_ID, sentAt, responseDueAt },
});
export const orderSent = sentToPlatform(ORDER_DUE_AT);

export const acknowledged = (acknowledgedAt = '2024-09-02T08:40:00.000Z'): PlatformAcknowledged => ({
  type: 'PlatformAcknowledged', data: { referralId: REFERRAL_ID, acknowledgedAt },
});

export const contentRemoved = (removedAt = '2024-09-02T09:00:00.000Z'): ContentRemoved => ({
  type: 'ContentRemoved', data: { referralId: REFERRAL_ID, removedAt },
});
export const geoBlocked = (countries = ['SE', 'DK'], blockedAt = '2024-09-02T09:00:00.000Z'): ContentGeoBlocked => ({
  type: 'ContentGeoBlocked', data: { referralId: REFERRAL_ID, blockedAt, countries },
});
export const removalDeclined = (reason: DeclineReason = 'no_violation_found', declinedAt = '2024-09-02T09:00:00.000Z'): RemovalDeclined => ({
  type: 'RemovalDeclined', data: { referralId: REFERRAL_ID, declinedAt, reason },
});
export const noPlatformResponse = (responseDueAt = ORDER_DUE_AT, recordedAt = '2024-09-02T09:31:00.000Z'): NoPlatformResponse => ({
  type: 'NoPlatformResponse', data: { referralId: REFERRAL_ID, responseDueAt, recordedAt },
});
export const contentReappeared = (seenAt = '2024-09-02T09:15:00.000Z'): ContentReappeared => ({
  type: 'ContentReappeared',
  data: { referralId: REFERRAL_ID, locator: REAPPEARED_LOCATOR, locatorSha256: REAPPEARED_SHA256, seenAt },
});
export const referralWithdrawn: ReferralWithdrawn = {
  type: 'ReferralWithdrawn', data: { referralId: REFERRAL_ID, reason: 'Referred in error', withdrawnAt: '2024-09-02T09:45:00.000Z' },
};

export const actionDayPlanned: ReferralActionDayPlanned = {
  type: 'ReferralActionDayPlanned',
  data: {
    actionDayId: ACTION_DAY_ID, title: 'Nordic TikTok action day', coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU',
    platform: 'tiktok', date: '2024-09-10', participatingCountries: ['DK', 'NO'], organiserCountry: 'SE',
  },
};
export const listSubmitted = (fileSha256 = LIST_SHA256, country = 'SE'): ActionDayListSubmitted => ({
  type: 'ActionDayListSubmitted', data: { actionDayId: ACTION_DAY_ID, fileSha256, format: 'csv', rows: 120, country },
});
export const answersImported = (fileSha256 = ANSWERS_SHA256, country = 'SE'): PlatformAnswersImported => ({
  type: 'PlatformAnswersImported', data: { actionDayId: ACTION_DAY_ID, fileSha256, format: 'jsonl', rows: 118, country },
});
