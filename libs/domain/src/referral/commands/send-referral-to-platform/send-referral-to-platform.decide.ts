import { DomainError } from '../../../shared/domain-error.js';
import { addDays, addMinutes } from '../../../shared/instant.js';
import { optionalText, requireIntegerBetween, requireNotBefore, requirePastInstant } from '../../../shared/validate.js';
import type { SendReferralToPlatform } from '../../referral.commands.js';
import {
  DEFAULT_FOLLOW_UP_DAYS, REMOVAL_ORDER_DEADLINE_MINUTES, type ReferralBasis, type ReferralSentToPlatform,
} from '../../referral.events.js';
import { activeReferralForReferrer } from '../../referral.guards.js';
import type { ReferralState } from '../../referral.state.js';

/** Longest follow-up period a platform may be given for a terms-of-service referral. */
export const MAX_FOLLOW_UP_DAYS = 90;

// The deadline comes only from the command's own instants: recomputing it later from a clock or
// from a changed platform setting would move a deadline that was already communicated.
function responseDueAt(basis: ReferralBasis, sentAt: string, followUpDays: unknown): string {
  switch (basis) {
    case 'removal_order':
      // Regulation 2021/784 Art. 3(3): the hour is fixed by law, not configurable.
      return addMinutes(sentAt, REMOVAL_ORDER_DEADLINE_MINUTES);
    case 'tos_referral': {
      const days = followUpDays === undefined || followUpDays === null
        ? DEFAULT_FOLLOW_UP_DAYS
        : requireIntegerBetween(followUpDays, 1, MAX_FOLLOW_UP_DAYS, 'followUpDays');
      return addDays(sentAt, days);
    }
    default: {
      const unhandled: never = basis;
      throw new Error(`Unknown referral basis ${String(unhandled)}`);
    }
  }
}

export function decideSendReferralToPlatform(command: SendReferralToPlatform, state: ReferralState): ReferralSentToPlatform[] {
  const existing = activeReferralForReferrer(command, state);
  const { data, metadata } = command;
  const { round } = existing;
  // Not idempotent: a second send in a round would reset the deadline the platform is held to.
  if (round.sent) {
    throw new DomainError('REFERRAL_ALREADY_SENT', `Referral ${existing.referralId} was already sent in round ${round.number}`);
  }
  const sentAt = requirePastInstant(data.sentAt ?? metadata.now, 'sentAt', metadata.now);
  requireNotBefore(sentAt, round.startedAt, 'sentAt', round.number === 1 ? 'referredAt' : 'the reappearance');
  const channel = optionalText(data.channel, 'channel', 200);
  return [{
    type: 'ReferralSentToPlatform',
    data: {
      referralId: existing.referralId, sentAt, responseDueAt: responseDueAt(existing.basis, sentAt, data.followUpDays),
      ...(channel !== undefined ? { channel } : {}),
    },
  }];
}
