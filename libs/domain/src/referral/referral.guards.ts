import type { CountryCode } from '../shared/country-code.js';
import { DomainError, ReferralAccessDenied, ReferralNotFound } from '../shared/domain-error.js';
import type { ReferralCommand } from './referral.commands.js';
import type { ExistingReferralState, ReferralRound, ReferralState } from './referral.state.js';

// Order matters, as for cases: existence (404), then access (403), then state rules (422), so a
// country that referred nothing learns nothing about the referral, not even that it was withdrawn.

/** Longest locator stored; real URLs stay well below, and a longer one is a paste accident. */
export const MAX_LOCATOR_LENGTH = 2048;

export function requireLocator(value: unknown, field: string): string {
  const locator = typeof value === 'string' ? value.trim() : '';
  if (locator.length === 0 || locator.length > MAX_LOCATOR_LENGTH) {
    throw new DomainError('INVALID_LOCATOR', `${field} must be a URL or platform id of 1-${MAX_LOCATOR_LENGTH} characters`, field);
  }
  return locator;
}

export const isReferrer = (state: ExistingReferralState, country: CountryCode): boolean =>
  state.originatorCountry === country || state.coReferrers.includes(country);

export function requireReferral(command: ReferralCommand, state: ReferralState): ExistingReferralState {
  if (!state.exists) throw new ReferralNotFound(command.data.referralId);
  // The application layer reads the stream named by the URL; a body naming another referral
  // would otherwise write one referral's facts into another's history.
  if (command.data.referralId !== state.referralId) {
    throw new DomainError('INVALID_ID', `referralId ${command.data.referralId} does not match referral ${state.referralId}`, 'referralId');
  }
  return state;
}

/** Any referring country may follow the referral up; a withdrawn one takes no more facts. */
export function activeReferralForReferrer(command: ReferralCommand, state: ReferralState): ExistingReferralState {
  const existing = requireReferral(command, state);
  const country = command.metadata.actor.country;
  if (!isReferrer(existing, country)) {
    throw new ReferralAccessDenied('NOT_A_REFERRER', `${country} has not referred ${existing.referralId}`);
  }
  requireNotWithdrawn(existing);
  return existing;
}

export function requireNotWithdrawn(state: ExistingReferralState): void {
  if (state.withdrawn) throw new DomainError('REFERRAL_WITHDRAWN', `Referral ${state.referralId} is withdrawn`);
}

/** The current round has gone to the platform; answers to an unsent referral are impossible. */
export function requireSent(state: ExistingReferralState): NonNullable<ReferralRound['sent']> {
  const { sent } = state.round;
  if (!sent) throw new DomainError('REFERRAL_NOT_SENT', `Referral ${state.referralId} has not been sent to the platform in round ${state.round.number}`);
  return sent;
}

export function requireNoOutcome(state: ExistingReferralState): void {
  if (state.round.outcome) {
    throw new DomainError(
      'REFERRAL_OUTCOME_ALREADY_RECORDED',
      `Referral ${state.referralId} already has the outcome ${state.round.outcome.outcome} in round ${state.round.number}`,
    );
  }
}
