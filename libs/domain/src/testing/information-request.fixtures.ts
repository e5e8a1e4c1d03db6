// Fixed ids, instants and ready-made events for the information-request specs. No clock.
// The story: Sweden (requesting) asks Denmark (requested, SPOC in Europe/Copenhagen) about the wave case.
import type { InformationRequestCommand, InformationRequestCommandType } from '../information-request/information-request.commands.js';
import { informationRequestDecider } from '../information-request/information-request.decider.js';
import type {
  ClarificationProvided, ClarificationRequested, InformationProvided, InformationRequested, JudicialAuthorisationObtained,
  JudicialAuthorisationPending, RefusalGround, RequestAcknowledged, RequestForwardedTo, RequestRefused, RequestWithdrawn,
} from '../information-request/information-request.events.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import { givenFor } from './given-when-then.js';

export const givenRequest = givenFor(informationRequestDecider);

export const REQUEST_ID = 'ir-2025-se-dk-0001';
export const REQUESTING = 'SE';
export const REQUESTED = 'DK';
export const TIME_ZONE = 'Europe/Copenhagen';
/** Monday 12 May 2025, 10:00 in Copenhagen. */
export const RECEIVED_AT = '2025-05-12T08:00:00.000Z';
/** RECEIVED_AT + 7 calendar days (no DST change in between). */
export const DEADLINE_7D = '2025-05-19T08:00:00.000Z';
/** RECEIVED_AT + 3 calendar days. */
export const DEADLINE_3D = '2025-05-15T08:00:00.000Z';
/** RECEIVED_AT + 8 hours. */
export const DEADLINE_8H = '2025-05-12T16:00:00.000Z';
/** A day after receipt: every deadline but the 8-hour one still runs. */
export const NOW = '2025-05-13T08:00:00.000Z';

/** Metadata for an officer of `country` (the requested side, DK, unless said otherwise), at NOW unless said. */
export function by(country: string = REQUESTED, now = NOW): CommandMetadata {
  return { actor: { id: `officer-${country.toLowerCase()}`, country }, now, correlationId: 'corr-1', causationId: 'cause-1' };
}

/** Builds a request command with requestId filled in, as DK (the requested side) unless metadata is given. */
export function requestCommand<T extends InformationRequestCommandType>(
  type: T,
  data: Omit<Extract<InformationRequestCommand, { type: T }>['data'], 'requestId'>,
  metadata: CommandMetadata = by(),
): Extract<InformationRequestCommand, { type: T }> {
  return { type, data: { requestId: REQUEST_ID, ...data }, metadata } as unknown as Extract<InformationRequestCommand, { type: T }>;
}

/** The data of a well-formed, non-urgent FileInformationRequest (filed by SE). */
export const fileData = {
  requestedCountry: REQUESTED, requestingAuthority: 'NOA SPOC', caseId: 'case-wave-2024',
  informationSought: 'Registered addresses and vehicles of the suspect', purpose: 'Identify the handler behind the Copenhagen shootings',
  urgent: false, access: 'indirect', language: 'en', receivedAt: RECEIVED_AT, timeZone: TIME_ZONE,
} as const;

export const informationRequested = (overrides: Partial<InformationRequested['data']> = {}): InformationRequested => ({
  type: 'InformationRequested',
  data: {
    requestId: REQUEST_ID, requestingCountry: REQUESTING, requestedCountry: REQUESTED, requestingAuthority: 'NOA SPOC',
    caseId: 'case-wave-2024', informationSought: 'Registered addresses and vehicles of the suspect',
    purpose: 'Identify the handler behind the Copenhagen shootings', urgent: false, access: 'indirect', language: 'en',
    channel: 'siena', receivedAt: RECEIVED_AT, deadlineRule: '7d', deadlineAt: DEADLINE_7D, timeZone: TIME_ZONE, ...overrides,
  },
});
export const urgentDirectRequested = informationRequested({
  urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity', access: 'direct', deadlineRule: '8h', deadlineAt: DEADLINE_8H,
});
export const urgentIndirectRequested = informationRequested({
  urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity', access: 'indirect', deadlineRule: '3d', deadlineAt: DEADLINE_3D,
});

export const acknowledged = (acknowledgedAt = '2025-05-12T08:30:00.000Z'): RequestAcknowledged => ({
  type: 'RequestAcknowledged', data: { requestId: REQUEST_ID, acknowledgedAt },
});
export const clarificationRequested = (requestedAt = '2025-05-12T10:00:00.000Z'): ClarificationRequested => ({
  type: 'ClarificationRequested', data: { requestId: REQUEST_ID, question: 'Which of the two suspects?', requestedAt },
});
export const clarificationProvided = (providedAt: string, deadlineAt: string): ClarificationProvided => ({
  type: 'ClarificationProvided', data: { requestId: REQUEST_ID, answer: 'The one born 2007', providedAt, deadlineAt },
});
export const authorisationPending = (noticeSentAt = '2025-05-12T12:00:00.000Z', expectedDelayDays = 5): JudicialAuthorisationPending => ({
  type: 'JudicialAuthorisationPending',
  data: { requestId: REQUEST_ID, noticeSentAt, expectedDelayDays, reason: 'Bank records need a court order (retsplejeloven)' },
});
export const authorisationObtained = (obtainedAt: string, deadlineAt: string): JudicialAuthorisationObtained => ({
  type: 'JudicialAuthorisationObtained', data: { requestId: REQUEST_ID, obtainedAt, deadlineAt },
});
export const informationProvided = (
  providedAt = '2025-05-13T07:00:00.000Z', partial = false, late = false,
): InformationProvided => ({
  type: 'InformationProvided', data: { requestId: REQUEST_ID, providedAt, summary: 'Two addresses, one vehicle', partial, late },
});
export const requestRefused = (
  grounds: RefusalGround[] = ['a'], partial = false, refusedAt = '2025-05-13T07:00:00.000Z', deadlineAt?: string,
): RequestRefused => ({
  type: 'RequestRefused',
  data: {
    requestId: REQUEST_ID, refusedAt, grounds: grounds.map((ground) => ({ ground, reason: `Reason for ${ground}` })), partial,
    ...(deadlineAt !== undefined ? { deadlineAt } : {}),
  },
});
export const requestWithdrawn = (withdrawnAt = '2025-05-12T20:00:00.000Z'): RequestWithdrawn => ({
  type: 'RequestWithdrawn', data: { requestId: REQUEST_ID, withdrawnAt, reason: 'Suspect arrested in Sweden' },
});
export const forwarded = (forwardedAt = '2025-05-12T09:00:00.000Z'): RequestForwardedTo => ({
  type: 'RequestForwardedTo', data: { requestId: REQUEST_ID, authority: 'Københavns Politi', forwardedAt },
});
