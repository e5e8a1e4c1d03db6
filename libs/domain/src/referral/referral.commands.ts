import type { CommandMetadata } from '../shared/command-metadata.js';
import type { CountryCode } from '../shared/country-code.js';
import type {
  ContentKind, DeclineReason, ReferralBasis, ReferralPlatform,
} from './referral.events.js';

// Every referral command names its referral (stream referral-<referralId>). The application layer
// derives referralId from the normalised locator's hash (referralIdFor in locator.ts), so the same
// content referred twice lands on the same stream and the decider turns it into a co-referral.

type Command<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type ReferContent = Command<'ReferContent', {
  referralId: string;
  platform: ReferralPlatform;
  platformName?: string;
  locator: string;
  locatorSha256: string;
  contentKind: ContentKind;
  basis: ReferralBasis;
  caseId?: string;
  handlerId?: string;
  actionDayId?: string;
  unit: string;
  evidenceSha256?: string;
  /** Defaults to metadata.now; never in the future. */
  referredAt?: string;
}>;
export type SendReferralToPlatform = Command<'SendReferralToPlatform', {
  referralId: string;
  /** Defaults to metadata.now; not before referredAt, never in the future. */
  sentAt?: string;
  channel?: string;
  /** Follow-up period for a tos_referral (platform configuration; default DEFAULT_FOLLOW_UP_DAYS). Ignored for orders. */
  followUpDays?: number;
}>;
export type RecordPlatformAcknowledgement = Command<'RecordPlatformAcknowledgement', {
  referralId: string; acknowledgedAt: string; platformReference?: string;
}>;
export type RecordPlatformOutcome = Command<'RecordPlatformOutcome', {
  referralId: string;
  outcome: 'removed' | 'geo_blocked' | 'declined';
  at: string;
  /** geo_blocked only: where the content is blocked. */
  countries?: CountryCode[];
  /** declined only. */
  reason?: DeclineReason;
  reasonText?: string;
}>;
export type RecordNoPlatformResponse = Command<'RecordNoPlatformResponse', { referralId: string }>;
export type RecordContentReappeared = Command<'RecordContentReappeared', {
  referralId: string; locator: string; locatorSha256: string; seenAt: string;
}>;
export type WithdrawReferral = Command<'WithdrawReferral', { referralId: string; reason: string }>;

export type ReferralCommand =
  | ReferContent | SendReferralToPlatform | RecordPlatformAcknowledgement | RecordPlatformOutcome
  | RecordNoPlatformResponse | RecordContentReappeared | WithdrawReferral;
export type ReferralCommandType = ReferralCommand['type'];

/** Every referral command type once; the decider spec checks each is routed. */
export const REFERRAL_COMMAND_TYPES = [
  'ReferContent', 'SendReferralToPlatform', 'RecordPlatformAcknowledgement', 'RecordPlatformOutcome',
  'RecordNoPlatformResponse', 'RecordContentReappeared', 'WithdrawReferral',
] as const satisfies readonly ReferralCommandType[];
