import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import type { RecordNoPlatformResponse } from '../../referral.commands.js';
import type { NoPlatformResponse } from '../../referral.events.js';
import { activeReferralForReferrer, requireNoOutcome, requireSent } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

/**
 * The deadline is judged against metadata.now, the only clock the domain has: a scheduler (or an
 * officer) asks, and the decider says whether the deadline has really passed.
 */
export function decideRecordNoPlatformResponse(command: RecordNoPlatformResponse, state: ReferralState): NoPlatformResponse[] {
  const existing = activeReferralForReferrer(command, state);
  const { now } = command.metadata;
  const sent = requireSent(existing);
  requireNoOutcome(existing);
  // A scheduler re-running after a restart must not count one silence twice.
  if (existing.round.noResponseRecordedAt !== undefined) return [];
  if (compareInstants(now, sent.responseDueAt) < 0) {
    throw new DomainError('REFERRAL_RESPONSE_NOT_DUE', `Referral ${existing.referralId} is not due until ${sent.responseDueAt}`);
  }
  return [{ type: 'NoPlatformResponse', data: { referralId: existing.referralId, responseDueAt: sent.responseDueAt, recordedAt: now } }];
}
