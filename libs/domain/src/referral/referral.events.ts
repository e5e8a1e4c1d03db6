import type { CountryCode } from '../shared/country-code.js';

// Platform referrals (see ../../../../../shared/domain-reference.md, "Platform referrals").
// Event names are string literals and part of the stored history: never rename one.
// Payloads are plain JSON type aliases. Every payload carries referralId (or actionDayId) so read
// models need not parse stream names. Who and when (recorded) are event metadata; *At fields are
// business time supplied by the officer or the platform's answer.

/** The platform catalogue. Meta and Google are split by service because their answers differ. */
export const REFERRAL_PLATFORMS = [
  'tiktok', 'telegram', 'snapchat', 'instagram', 'facebook', 'youtube', 'x', 'discord', 'signal', 'other',
] as const;
export type ReferralPlatform = (typeof REFERRAL_PLATFORMS)[number];

/** Who operates each platform, for the "Meta" / "Google" figures ministers ask about. */
export const PLATFORM_OPERATORS: Readonly<Record<ReferralPlatform, string>> = {
  tiktok: 'TikTok', telegram: 'Telegram', snapchat: 'Snap', instagram: 'Meta', facebook: 'Meta',
  youtube: 'Google', x: 'X', discord: 'Discord', signal: 'Signal', other: 'other',
};

export const CONTENT_KINDS = [
  'recruitment_offer', 'crime_menu', 'glorification', 'threat', 'terrorist_content', 'other',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * removal_order: Regulation (EU) 2021/784 Art. 3 — the platform must remove or disable within one hour.
 * tos_referral: a request for voluntary review against the platform's terms of service.
 * Tracked apart in every figure: an unanswered order is a breach, an unanswered referral is not.
 */
export const REFERRAL_BASES = ['removal_order', 'tos_referral'] as const;
export type ReferralBasis = (typeof REFERRAL_BASES)[number];

/** Regulation 2021/784 Art. 3(3): one hour from receipt of the removal order. */
export const REMOVAL_ORDER_DEADLINE_MINUTES = 60;
/** Default follow-up period for a terms-of-service referral; the API may configure it per platform. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;

export const DECLINE_REASONS = ['no_violation_found', 'insufficient_information', 'legal_objection', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

type Event<Type extends string, Data> = { type: Type; data: Data };

export type ContentReferred = Event<'ContentReferred', {
  referralId: string;
  platform: ReferralPlatform;
  /** Present exactly when platform is 'other'. */
  platformName?: string;
  /** URL or platform id as the officer gave it (trimmed). */
  locator: string;
  /** SHA-256 (hex) of the normalised locator: the de-duplication key (see locator.ts). */
  locatorSha256: string;
  contentKind: ContentKind;
  basis: ReferralBasis;
  caseId?: string;
  handlerId?: string;
  actionDayId?: string;
  /** The referring officer, country and unit (officer id is also in metadata; kept as part of the record). */
  referredBy: string;
  referringCountry: CountryCode;
  unit: string;
  /** SHA-256 (hex) of the preserved capture; the capture itself never enters Liaison. */
  evidenceSha256?: string;
  /** Business time of the referral (defaults to metadata.now). */
  referredAt: string;
}>;

/** Another country referred the same normalised locator: it joins instead of duplicating. */
export type CoReferrerJoined = Event<'CoReferrerJoined', {
  referralId: string;
  country: CountryCode;
  referredBy: string;
  unit: string;
  actionDayId?: string;
  joinedAt: string;
}>;

export type ReferralSentToPlatform = Event<'ReferralSentToPlatform', {
  referralId: string;
  sentAt: string;
  /** sentAt + 1 hour for an order, + the follow-up period for a referral. */
  responseDueAt: string;
  /** How it was sent (platform portal, e-mail, Europol's IRMa, ...), free text. */
  channel?: string;
}>;

export type PlatformAcknowledged = Event<'PlatformAcknowledged', {
  referralId: string; acknowledgedAt: string; platformReference?: string;
}>;

export type ContentRemoved = Event<'ContentRemoved', { referralId: string; removedAt: string }>;
export type ContentGeoBlocked = Event<'ContentGeoBlocked', { referralId: string; blockedAt: string; countries: CountryCode[] }>;
export type RemovalDeclined = Event<'RemovalDeclined', {
  referralId: string; declinedAt: string; reason: DeclineReason; reasonText?: string;
}>;
/** Recorded once the response deadline has passed without an outcome; a late answer may still follow. */
export type NoPlatformResponse = Event<'NoPlatformResponse', { referralId: string; responseDueAt: string; recordedAt: string }>;
/** The removed or blocked content was uploaded again; a new outcome may follow. */
export type ContentReappeared = Event<'ContentReappeared', {
  referralId: string; locator: string; locatorSha256: string; seenAt: string;
}>;
export type ReferralWithdrawn = Event<'ReferralWithdrawn', { referralId: string; reason: string; withdrawnAt: string }>;

export type ReferralEvent =
  | ContentReferred | CoReferrerJoined | ReferralSentToPlatform | PlatformAcknowledged | ContentRemoved
  | ContentGeoBlocked | RemovalDeclined | NoPlatformResponse | ContentReappeared | ReferralWithdrawn;
export type ReferralEventType = ReferralEvent['type'];

export const REFERRAL_EVENT_TYPES: readonly ReferralEventType[] = [
  'ContentReferred', 'CoReferrerJoined', 'ReferralSentToPlatform', 'PlatformAcknowledged', 'ContentRemoved',
  'ContentGeoBlocked', 'RemovalDeclined', 'NoPlatformResponse', 'ContentReappeared', 'ReferralWithdrawn',
];
