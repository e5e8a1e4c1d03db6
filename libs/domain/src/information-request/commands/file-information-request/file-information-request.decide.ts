import { DomainError } from '../../../shared/domain-error.js';
import { requireCountry, requireId, requireOneOf, requirePastInstant, requireText } from '../../../shared/validate.js';
import type { FileInformationRequest } from '../../information-request.commands.js';
import {
  INFORMATION_ACCESS, REQUEST_CHANNELS, URGENCY_REASONS, type InformationRequested, type UrgencyReason,
} from '../../information-request.events.js';
import type { InformationRequestState } from '../../information-request.state.js';
import { deadlineFor, requireTimeZone } from '../../deadline-policy.js';

export const MAX_INFORMATION_SOUGHT_LENGTH = 4000;
export const MAX_PURPOSE_LENGTH = 2000;
export const MAX_AUTHORITY_LENGTH = 200;

/** ISO 639-1: two lowercase letters (Art. 4(6): the request is in a language the requested state accepts). */
const LANGUAGE = /^[a-z]{2}$/;

/**
 * Art. 4(4): a request is urgent only with its reasons stated, so urgencyReason is required exactly
 * when urgent (and refused otherwise, so a non-urgent request cannot look urgent on a board).
 */
function urgencyReasonFor(urgent: boolean, value: unknown): UrgencyReason | undefined {
  if (!urgent) {
    if (value !== undefined && value !== null) {
      throw new DomainError('INVALID_VALUE', 'urgencyReason is given only for an urgent request', 'urgencyReason');
    }
    return undefined;
  }
  if (value === undefined || value === null) {
    throw new DomainError('URGENCY_REASON_REQUIRED', 'An urgent request states its reason (Directive (EU) 2023/977 Art. 4(4))', 'urgencyReason');
  }
  return requireOneOf(value, URGENCY_REASONS, 'urgencyReason');
}

/**
 * The requesting country's officer files the request (requestingCountry = the actor's country); the
 * deadline is derived from the receipt, the urgency and the access (Art. 5(1)), never typed in.
 */
export function decideFileInformationRequest(command: FileInformationRequest, state: InformationRequestState): InformationRequested[] {
  const { data, metadata } = command;
  const requestId = requireId(data.requestId, 'requestId');
  if (state.exists) {
    throw new DomainError('REQUEST_ALREADY_FILED', `Information request ${state.requestId} was already filed`, 'requestId');
  }
  const requestingCountry = metadata.actor.country;
  const requestedCountry = requireCountry(data.requestedCountry, 'requestedCountry');
  if (requestedCountry === requestingCountry) {
    throw new DomainError('CANNOT_REQUEST_OWN_COUNTRY', `${requestingCountry} cannot request information from itself`, 'requestedCountry');
  }
  const requestingAuthority = requireText(data.requestingAuthority, 'requestingAuthority', MAX_AUTHORITY_LENGTH);
  const caseId = data.caseId === undefined || data.caseId === null ? undefined : requireId(data.caseId, 'caseId');
  const informationSought = requireText(data.informationSought, 'informationSought', MAX_INFORMATION_SOUGHT_LENGTH);
  const purpose = requireText(data.purpose, 'purpose', MAX_PURPOSE_LENGTH);
  if (typeof data.urgent !== 'boolean') throw new DomainError('INVALID_VALUE', 'urgent must be true or false', 'urgent');
  const urgent = data.urgent;
  const urgencyReason = urgencyReasonFor(urgent, data.urgencyReason);
  const access = requireOneOf(data.access, INFORMATION_ACCESS, 'access');
  if (typeof data.language !== 'string' || !LANGUAGE.test(data.language)) {
    throw new DomainError('INVALID_VALUE', 'language must be an ISO 639-1 code of two lowercase letters', 'language');
  }
  const channel = requireOneOf(data.channel ?? 'siena', REQUEST_CHANNELS, 'channel');
  const receivedAt = requirePastInstant(data.receivedAt ?? metadata.now, 'receivedAt', metadata.now);
  const timeZone = requireTimeZone(data.timeZone);
  const { rule, deadlineAt } = deadlineFor({ receivedAt, urgent, access, timeZone });
  return [{
    type: 'InformationRequested',
    data: {
      requestId, requestingCountry, requestedCountry, requestingAuthority, ...(caseId !== undefined ? { caseId } : {}),
      informationSought, purpose, urgent, ...(urgencyReason !== undefined ? { urgencyReason } : {}), access,
      language: data.language, channel, receivedAt, deadlineRule: rule, deadlineAt, timeZone,
    },
  }];
}
