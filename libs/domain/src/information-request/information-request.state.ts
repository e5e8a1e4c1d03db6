import type { CountryCode } from '../shared/country-code.js';
import { compareInstants } from '../shared/instant.js';
import { shiftDeadline } from './deadline-policy.js';
import type { DeadlineRule, InformationAccess, InformationRequestEvent } from './information-request.events.js';

// One stream per request. The deadline clock (Directive (EU) 2023/977 Art. 5(1)) runs from receipt
// and stops while a clarification (Art. 6(3)) or a judicial authorisation (Art. 5(2)) is pending. The
// state keeps the deadline as it stood when the clock last stopped (`deadlineAt`) and since when it
// stands still (`clockStoppedAt`); the event that restarts the clock carries the moved deadline, so
// folding never recomputes a deadline that was already communicated.

export type ClosedBy = 'provided' | 'refused' | 'withdrawn';

export interface ExistingInformationRequestState {
  exists: true;
  requestId: string;
  requestingCountry: CountryCode;
  requestedCountry: CountryCode;
  urgent: boolean;
  access: InformationAccess;
  receivedAt: string;
  timeZone: string;
  deadlineRule: DeadlineRule;
  /** The deadline in force when the clock runs; while it stands still, the deadline it left off at. */
  deadlineAt: string;
  /** Start of the (union of) pauses still running; absent while the clock runs. */
  clockStoppedAt?: string;
  /** The latest end of a pause: a new pause cannot start before it (that time was already counted). */
  clockRestartedAt?: string;
  acknowledgedAt?: string;
  /** requestedAt of the clarification the requesting side has not answered yet (Art. 6(3)). */
  clarificationRequestedAt?: string;
  /** noticeSentAt of the judicial authorisation still awaited (Art. 5(2)). */
  authorisationPendingSince?: string;
  /** Set by a full answer, a full refusal or a withdrawal; a partial answer or refusal leaves it open. */
  closedBy?: ClosedBy;
}

export type InformationRequestState = { exists: false } | ExistingInformationRequestState;

export const initialInformationRequestState = (): InformationRequestState => ({ exists: false });

const earlier = (a: string | undefined, b: string): string => (a !== undefined && compareInstants(a, b) <= 0 ? a : b);
const later = (a: string | undefined, b: string): string => (a !== undefined && compareInstants(a, b) >= 0 ? a : b);

/** A pause starts: the clock stops now unless it already stands still. */
const pauseStarts = (s: ExistingInformationRequestState, at: string): Pick<ExistingInformationRequestState, 'clockStoppedAt'> =>
  ({ clockStoppedAt: earlier(s.clockStoppedAt, at) });

/**
 * A pause ends at `at` with the deadline moved to `deadlineAt`; if the other pause still runs, the
 * clock stays stopped, counted afresh from `at` (the time until `at` is already in `deadlineAt`).
 */
function pauseEnds(
  s: ExistingInformationRequestState, at: string, deadlineAt: string, otherStillPending: boolean,
): ExistingInformationRequestState {
  const { clockStoppedAt: _stopped, ...rest } = s;
  return {
    ...rest, deadlineAt, clockRestartedAt: later(s.clockRestartedAt, at),
    ...(otherStillPending ? { clockStoppedAt: at } : {}),
  };
}

function without<K extends 'clarificationRequestedAt' | 'authorisationPendingSince'>(s: ExistingInformationRequestState, key: K): ExistingInformationRequestState {
  const copy = { ...s };
  delete copy[key];
  return copy;
}

/**
 * Folds one event into the state. Events before InformationRequested change nothing; an unknown
 * event type throws (deciding on a history we cannot read is worse than refusing to decide).
 */
export function evolveInformationRequest(state: InformationRequestState, event: InformationRequestEvent): InformationRequestState {
  if (event.type === 'InformationRequested') {
    const { requestId, requestingCountry, requestedCountry, urgent, access, receivedAt, timeZone, deadlineRule, deadlineAt } = event.data;
    return { exists: true, requestId, requestingCountry, requestedCountry, urgent, access, receivedAt, timeZone, deadlineRule, deadlineAt };
  }
  if (!state.exists) return state;
  const s = state;
  switch (event.type) {
    case 'RequestAcknowledged':
      return { ...s, acknowledgedAt: event.data.acknowledgedAt };
    case 'ClarificationRequested':
      return { ...s, clarificationRequestedAt: event.data.requestedAt, ...pauseStarts(s, event.data.requestedAt) };
    case 'ClarificationProvided':
      return pauseEnds(without(s, 'clarificationRequestedAt'), event.data.providedAt, event.data.deadlineAt, s.authorisationPendingSince !== undefined);
    case 'JudicialAuthorisationPending':
      return { ...s, authorisationPendingSince: event.data.noticeSentAt, ...pauseStarts(s, event.data.noticeSentAt) };
    case 'JudicialAuthorisationObtained':
      return pauseEnds(without(s, 'authorisationPendingSince'), event.data.obtainedAt, event.data.deadlineAt, s.clarificationRequestedAt !== undefined);
    case 'InformationProvided':
      return event.data.partial ? s : { ...s, closedBy: 'provided' };
    case 'RequestRefused': {
      // Ground (c) on a pending authorisation ends it (refused): the clock restarts like on JudicialAuthorisationObtained.
      const afterAuthorisation = event.data.deadlineAt !== undefined
        ? pauseEnds(without(s, 'authorisationPendingSince'), event.data.refusedAt, event.data.deadlineAt, s.clarificationRequestedAt !== undefined)
        : s;
      return event.data.partial ? afterAuthorisation : { ...afterAuthorisation, closedBy: 'refused' };
    }
    case 'RequestWithdrawn':
      return { ...s, closedBy: 'withdrawn' };
    case 'RequestForwardedTo':
      // Forwarding to another competent authority keeps the request and its clock as they are.
      return s;
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled information request event ${(unhandled as { type: string }).type}`);
    }
  }
}

/** A request stream is short (a handful of events), so a plain reduce is fast enough. */
export const foldInformationRequest = (state: InformationRequestState, events: readonly InformationRequestEvent[]): InformationRequestState =>
  events.reduce(evolveInformationRequest, state);

/**
 * The deadline in force for something done at `at`: the recorded deadline, moved by the time the
 * clock has stood still up to `at` if it is stopped (a pending clarification or authorisation).
 */
export function deadlineInForce(state: ExistingInformationRequestState, at: string): string {
  return state.clockStoppedAt === undefined ? state.deadlineAt : shiftDeadline(state.deadlineAt, state.clockStoppedAt, at);
}

/**
 * Open, past the deadline in force at `now`, and not waiting for a judicial authorisation (Art. 5(2)
 * lets the limit be exceeded while it is awaited). A pending clarification stops the clock (Art. 6(3)),
 * so it is overdue only if the deadline had passed before the clarification was asked.
 */
export function isOverdue(state: InformationRequestState, now: string): boolean {
  if (!state.exists || state.closedBy !== undefined || state.authorisationPendingSince !== undefined) return false;
  return compareInstants(now, deadlineInForce(state, now)) > 0;
}
