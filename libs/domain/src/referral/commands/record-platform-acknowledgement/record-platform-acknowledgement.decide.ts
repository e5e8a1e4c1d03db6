import { optionalText, requireNotBefore, requirePastInstant } from '../../../shared/validate.js';
import type { RecordPlatformAcknowledgement } from '../../referral.commands.js';
import type { PlatformAcknowledged } from '../../referral.events.js';
import { activeReferralForReferrer, requireNoOutcome, requireSent } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

export function decideRecordPlatformAcknowledgement(
  command: RecordPlatformAcknowledgement,
  state: ReferralState,
): PlatformAcknowledged[] {
  const existing = activeReferralForReferrer(command, state);
  const { data, metadata } = command;
  const sent = requireSent(existing);
  const acknowledgedAt = requirePastInstant(data.acknowledgedAt, 'acknowledgedAt', metadata.now);
  requireNotBefore(acknowledgedAt, sent.sentAt, 'acknowledgedAt', 'sentAt');
  const platformReference = optionalText(data.platformReference, 'platformReference', 200);
  // An acknowledgement after the answer would put the median time-to-acknowledge (DSA Art. 15)
  // after the time-to-act, which no platform report can mean.
  requireNoOutcome(existing);
  // One acknowledgement per round: the first one is what the transparency figures measure.
  if (existing.round.acknowledgedAt !== undefined) return [];
  return [{
    type: 'PlatformAcknowledged',
    data: { referralId: existing.referralId, acknowledgedAt, ...(platformReference !== undefined ? { platformReference } : {}) },
  }];
}
