import { DomainError } from '../../../shared/domain-error.js';
import {
  optionalSha256, requireCountry, requireId, requireOneOf, requirePastInstant, requireSha256, requireText,
} from '../../../shared/validate.js';
import type { ReferContent } from '../../referral.commands.js';
import { CONTENT_KINDS, REFERRAL_BASES, REFERRAL_PLATFORMS, type CoReferrerJoined, type ContentReferred } from '../../referral.events.js';
import { isReferrer, requireLocator, requireNotWithdrawn } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

const optionalId = (value: unknown, field: string): string | undefined =>
  value === undefined || value === null ? undefined : requireId(value, field);

/** Every field is checked even when the referral exists: a bad bulk row is refused, never silently joined. */
function validate({ data, metadata }: ReferContent) {
  const platform = requireOneOf(data.platform, REFERRAL_PLATFORMS, 'platform');
  const hasName = data.platformName !== undefined && data.platformName !== null;
  // The name says which platform 'other' is; on a catalogued platform it would contradict it.
  if (platform !== 'other' && hasName) {
    throw new DomainError('INVALID_VALUE', 'platformName is only for platform other', 'platformName');
  }
  const platformName = platform === 'other' ? requireText(data.platformName, 'platformName', 100) : undefined;
  const caseId = optionalId(data.caseId, 'caseId');
  const handlerId = optionalId(data.handlerId, 'handlerId');
  // A handler id only means something inside the case that identified the handler.
  if (handlerId !== undefined && caseId === undefined) {
    throw new DomainError('INVALID_VALUE', 'handlerId needs the caseId of the case that identified the handler', 'handlerId');
  }
  return {
    referralId: requireId(data.referralId, 'referralId'),
    platform,
    platformName,
    locator: requireLocator(data.locator, 'locator'),
    locatorSha256: requireSha256(data.locatorSha256, 'locatorSha256'),
    contentKind: requireOneOf(data.contentKind, CONTENT_KINDS, 'contentKind'),
    basis: requireOneOf(data.basis, REFERRAL_BASES, 'basis'),
    caseId,
    handlerId,
    actionDayId: optionalId(data.actionDayId, 'actionDayId'),
    referredBy: requireText(metadata.actor.id, 'metadata.actor.id', 200),
    country: requireCountry(metadata.actor.country, 'metadata.actor.country'),
    unit: requireText(data.unit, 'unit', 200),
    evidenceSha256: optionalSha256(data.evidenceSha256, 'evidenceSha256'),
    referredAt: requirePastInstant(data.referredAt ?? metadata.now, 'referredAt', metadata.now),
  };
}

/** Drops absent optional fields so events stay plain JSON without `undefined` keys. */
const present = <T extends object>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;

/**
 * First referral of a locator opens the stream; the same content referred again by another
 * country joins it as a co-referrer, and by a country already on it changes nothing (so a bulk
 * file submitted twice is harmless).
 */
export function decideReferContent(command: ReferContent, state: ReferralState): (ContentReferred | CoReferrerJoined)[] {
  const v = validate(command);
  if (!state.exists) {
    return [{
      type: 'ContentReferred',
      data: present({
        referralId: v.referralId, platform: v.platform, platformName: v.platformName, locator: v.locator,
        locatorSha256: v.locatorSha256, contentKind: v.contentKind, basis: v.basis, caseId: v.caseId,
        handlerId: v.handlerId, actionDayId: v.actionDayId, referredBy: v.referredBy, referringCountry: v.country,
        unit: v.unit, evidenceSha256: v.evidenceSha256, referredAt: v.referredAt,
      }),
    }];
  }
  if (v.referralId !== state.referralId) {
    throw new DomainError('INVALID_ID', `referralId ${v.referralId} does not match referral ${state.referralId}`, 'referralId');
  }
  // The stream id carries only half the hash: a different full hash is a collision or a routing bug.
  if (v.locatorSha256 !== state.locatorSha256) {
    throw new DomainError('REFERRAL_LOCATOR_MISMATCH', `locatorSha256 is not the locator referral ${state.referralId} was opened for`, 'locatorSha256');
  }
  requireNotWithdrawn(state);
  if (isReferrer(state, v.country)) return [];
  return [{
    type: 'CoReferrerJoined',
    data: present({
      referralId: state.referralId, country: v.country, referredBy: v.referredBy, unit: v.unit,
      actionDayId: v.actionDayId, joinedAt: v.referredAt,
    }),
  }];
}
