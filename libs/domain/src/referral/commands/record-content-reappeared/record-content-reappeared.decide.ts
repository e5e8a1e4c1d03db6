import { DomainError } from '../../../shared/domain-error.js';
import { requireNotBefore, requirePastInstant, requireSha256 } from '../../../shared/validate.js';
import type { RecordContentReappeared } from '../../referral.commands.js';
import type { ContentReappeared } from '../../referral.events.js';
import { activeReferralForReferrer, requireLocator } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

/**
 * Re-uploaded content stays on the referral it was first referred under, so its history (and the
 * platform's repeat failures) reads as one story; the new round is sent and answered afresh.
 */
export function decideRecordContentReappeared(command: RecordContentReappeared, state: ReferralState): ContentReappeared[] {
  const existing = activeReferralForReferrer(command, state);
  const { data, metadata } = command;
  const outcome = existing.round.outcome;
  // Content the platform left up (declined, or no answer yet) never went away, so it cannot reappear.
  if (!outcome || outcome.outcome === 'declined') {
    throw new DomainError('REFERRAL_NOT_REMOVED', `Referral ${existing.referralId} is not removed or geo-blocked in round ${existing.round.number}`);
  }
  const locator = requireLocator(data.locator, 'locator');
  const locatorSha256 = requireSha256(data.locatorSha256, 'locatorSha256');
  const seenAt = requirePastInstant(data.seenAt, 'seenAt', metadata.now);
  requireNotBefore(seenAt, outcome.at, 'seenAt', `the ${outcome.outcome} outcome`);
  return [{ type: 'ContentReappeared', data: { referralId: existing.referralId, locator, locatorSha256, seenAt } }];
}
