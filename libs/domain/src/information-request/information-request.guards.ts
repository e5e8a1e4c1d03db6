import { DomainError, InformationRequestAccessDenied, InformationRequestNotFound } from '../shared/domain-error.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import { requireNotBefore, requirePastInstant } from '../shared/validate.js';
import type { ExistingInformationRequestState, InformationRequestState } from './information-request.state.js';

// Order, as for cases and referrals: existence (404), then access (403), then everything else (422),
// so a third country learns nothing about a request, not even that it was answered.

/** Which half of the exchange a command belongs to. */
export type RequestSide = 'requesting' | 'requested';

/**
 * The request exists, the actor's country is the side the command belongs to, and the body names
 * this request. The requesting country files, answers clarifications and withdraws; the requested
 * country acknowledges, asks for clarification, handles judicial authorisation, answers, refuses and
 * forwards (Directive (EU) 2023/977 Art. 5 and 6 put those duties on the requested SPOC).
 */
export function requireRequestFor(
  command: { data: { requestId: string }; metadata: CommandMetadata }, state: InformationRequestState, side: RequestSide,
): ExistingInformationRequestState {
  if (!state.exists) throw new InformationRequestNotFound(command.data.requestId);
  const country = command.metadata.actor.country;
  if (country !== state.requestingCountry && country !== state.requestedCountry) {
    throw new InformationRequestAccessDenied('NOT_A_PARTY', `${country} is not a party to information request ${state.requestId}`);
  }
  if (side === 'requested' && country !== state.requestedCountry) {
    throw new InformationRequestAccessDenied('NOT_THE_REQUESTED_COUNTRY', `Only ${state.requestedCountry} may do this on information request ${state.requestId}`);
  }
  if (side === 'requesting' && country !== state.requestingCountry) {
    throw new InformationRequestAccessDenied('NOT_THE_REQUESTING_COUNTRY', `Only ${state.requestingCountry} may do this on information request ${state.requestId}`);
  }
  // The application layer reads the stream named by the URL; a body naming another request would
  // otherwise write one request's facts into another's history.
  if (command.data.requestId !== state.requestId) {
    throw new DomainError('INVALID_ID', `requestId ${command.data.requestId} does not match information request ${state.requestId}`, 'requestId');
  }
  return state;
}

/** A request answered in full, refused in full or withdrawn takes no more answers. */
export function requireOpen(state: ExistingInformationRequestState): void {
  if (state.closedBy !== undefined) {
    throw new DomainError('REQUEST_CLOSED', `Information request ${state.requestId} is closed (${state.closedBy})`);
  }
}

/**
 * A business instant of the request: defaults to metadata.now, never in the future, never before the
 * request was received.
 */
export function requestInstant(value: unknown, field: string, metadata: CommandMetadata, state: ExistingInformationRequestState): string {
  const at = requirePastInstant(value ?? metadata.now, field, metadata.now);
  requireNotBefore(at, state.receivedAt, field, 'the receipt of the request');
  return at;
}

/** A pause cannot start inside time that was already counted as standing still. */
export function requirePauseStart(at: string, field: string, state: ExistingInformationRequestState): void {
  if (state.clockRestartedAt !== undefined) requireNotBefore(at, state.clockRestartedAt, field, 'the end of the previous pause of the clock');
}
