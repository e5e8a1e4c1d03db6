import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import {
  optionalText, requireCountryList, requireNotBefore, requireOneOf, requirePastInstant,
} from '../../../shared/validate.js';
import type { RecordPlatformOutcome } from '../../referral.commands.js';
import {
  DECLINE_REASONS, type ContentGeoBlocked, type ContentRemoved, type RemovalDeclined,
} from '../../referral.events.js';
import { activeReferralForReferrer, requireNoOutcome, requireSent } from '../../referral.guards.js';
import type { ReferralState, RoundOutcome } from '../../referral.state.js';

const OUTCOMES = ['removed', 'geo_blocked', 'declined'] as const;

const absent = (value: unknown): boolean => value === undefined || value === null;

/** A field of another outcome would be stored nowhere or contradict this one: refused, not dropped. */
function refuseUnless(condition: boolean, value: unknown, field: string, outcome: string): void {
  if (!condition && !absent(value)) throw new DomainError('INVALID_VALUE', `${field} does not apply to outcome ${outcome}`, field);
}

function validate({ data, metadata }: RecordPlatformOutcome): RoundOutcome {
  const outcome = requireOneOf(data.outcome, OUTCOMES, 'outcome');
  const at = requirePastInstant(data.at, 'at', metadata.now);
  refuseUnless(outcome === 'geo_blocked', data.countries, 'countries', outcome);
  refuseUnless(outcome === 'declined', data.reason, 'reason', outcome);
  refuseUnless(outcome === 'declined', data.reasonText, 'reasonText', outcome);
  switch (outcome) {
    case 'removed':
      return { outcome, at };
    case 'geo_blocked':
      return { outcome, at, countries: requireCountryList(data.countries, 'countries') };
    case 'declined': {
      const reasonText = optionalText(data.reasonText, 'reasonText', 1000);
      return { outcome, at, reason: requireOneOf(data.reason, DECLINE_REASONS, 'reason'), ...(reasonText !== undefined ? { reasonText } : {}) };
    }
    default: {
      const unhandled: never = outcome;
      throw new Error(`Unknown outcome ${String(unhandled)}`);
    }
  }
}

/** Same answer, same instant: what importing the platform's answer file a second time looks like. */
function sameOutcome(a: RoundOutcome, b: RoundOutcome): boolean {
  if (a.outcome !== b.outcome || compareInstants(a.at, b.at) !== 0) return false;
  if (a.outcome === 'geo_blocked' && b.outcome === 'geo_blocked') {
    return a.countries.length === b.countries.length && a.countries.every((c) => b.countries.includes(c));
  }
  if (a.outcome === 'declined' && b.outcome === 'declined') return a.reason === b.reason && a.reasonText === b.reasonText;
  return true;
}

function toEvent(referralId: string, o: RoundOutcome): ContentRemoved | ContentGeoBlocked | RemovalDeclined {
  switch (o.outcome) {
    case 'removed':
      return { type: 'ContentRemoved', data: { referralId, removedAt: o.at } };
    case 'geo_blocked':
      return { type: 'ContentGeoBlocked', data: { referralId, blockedAt: o.at, countries: [...o.countries] } };
    case 'declined':
      return {
        type: 'RemovalDeclined',
        data: { referralId, declinedAt: o.at, reason: o.reason, ...(o.reasonText !== undefined ? { reasonText: o.reasonText } : {}) },
      };
    default: {
      const unhandled: never = o;
      throw new Error(`Unknown outcome ${(unhandled as { outcome: string }).outcome}`);
    }
  }
}

/**
 * One outcome per round. A late answer after NoPlatformResponse is still recorded: the figures
 * need both that the deadline passed and what the platform finally did. An answer already on
 * record, in this round or an earlier one, is a no-op: answer files get imported again, also after
 * the content has reappeared and the round has moved on.
 */
export function decideRecordPlatformOutcome(
  command: RecordPlatformOutcome,
  state: ReferralState,
): (ContentRemoved | ContentGeoBlocked | RemovalDeclined)[] {
  const existing = activeReferralForReferrer(command, state);
  const outcome = validate(command);
  const { round, earlierOutcomes } = existing;
  if ([...earlierOutcomes, ...(round.outcome ? [round.outcome] : [])].some((o) => sameOutcome(o, outcome))) return [];
  const sent = requireSent(existing);
  requireNoOutcome(existing);
  requireNotBefore(outcome.at, sent.sentAt, 'at', 'sentAt');
  return [toEvent(existing.referralId, outcome)];
}
