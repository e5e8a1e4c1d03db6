import { ReferralAccessDenied } from '../../../shared/domain-error.js';
import { requireText } from '../../../shared/validate.js';
import type { WithdrawReferral } from '../../referral.commands.js';
import type { ReferralWithdrawn } from '../../referral.events.js';
import { isReferrer, requireReferral } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

/**
 * Only the originating country withdraws: co-referrers joined its referral and may not end it for
 * everyone. Withdrawing twice is the same decision, so it is a no-op rather than an error.
 */
export function decideWithdrawReferral(command: WithdrawReferral, state: ReferralState): ReferralWithdrawn[] {
  const existing = requireReferral(command, state);
  const country = command.metadata.actor.country;
  if (!isReferrer(existing, country)) {
    throw new ReferralAccessDenied('NOT_A_REFERRER', `${country} has not referred ${existing.referralId}`);
  }
  if (country !== existing.originatorCountry) {
    throw new ReferralAccessDenied('NOT_THE_ORIGINATOR', `Only ${existing.originatorCountry} may withdraw referral ${existing.referralId}`);
  }
  const reason = requireText(command.data.reason, 'reason', 500);
  if (existing.withdrawn) return [];
  return [{ type: 'ReferralWithdrawn', data: { referralId: existing.referralId, reason, withdrawnAt: command.metadata.now } }];
}
