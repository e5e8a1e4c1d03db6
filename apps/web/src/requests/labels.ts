/**
 * Plain-language labels of the information-request codes (Directive (EU) 2023/977), paraphrasing the
 * directive's text, and how a request's clock reads at a given moment. Pure: the views and the unit
 * spec share them.
 */
import type { InformationRequestEntry, RequestStatus, RequestStep } from '../api/request-types';
import { countryName, formatInstant } from '../format';

/** Art. 6(1), points (a)–(h): the only grounds of refusal ((f) and (g) group sub-points i–iii / i–ii). */
export const REFUSAL_GROUND_LABELS: Readonly<Record<string, string>> = {
  a: 'the information is not available to the single point of contact and the competent law enforcement authorities of the requested state',
  b: 'the request does not meet the requirements of Art. 4',
  c: 'the judicial authorisation required under the requested state\'s law (Art. 9) was refused',
  d: 'the information is personal data outside the categories of Art. 10(b)',
  e: 'the information was found inaccurate, incomplete or no longer up to date and may not be provided (Art. 7(2) of Directive (EU) 2016/680)',
  f: 'providing it would harm essential national-security interests, jeopardise an ongoing investigation or a person\'s safety, or unduly harm a legal person\'s protected interests',
  g: 'the offence is punishable by one year\'s imprisonment or less, or is no offence, in the requested state',
  h: 'the information came from another Member State or a third country that has not consented to its provision',
};

export const groundLabel = (ground: string): string =>
  `Art. 6(1)(${ground}): ${REFUSAL_GROUND_LABELS[ground] ?? 'unknown ground'}`;

/** Art. 4(4), points (a)–(d): why a request may be urgent. */
export const URGENCY_REASON_LABELS: Readonly<Record<string, string>> = {
  immediate_serious_threat_to_public_security: 'Art. 4(4)(a): to prevent an immediate and serious threat to public security',
  imminent_threat_to_life_or_physical_integrity: 'Art. 4(4)(b): to prevent an imminent threat to a person\'s life or physical integrity',
  decision_on_deprivation_of_liberty: 'Art. 4(4)(c): for a decision that may maintain a deprivation of liberty',
  imminent_risk_of_losing_relevance: 'Art. 4(4)(d): at imminent risk of losing relevance, and important for preventing, detecting or investigating offences',
};

/** Art. 5(1), points (a)–(c): the time limit, counted from receipt by the requested single point of contact. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  '8h': '8 hours (Art. 5(1)(a): urgent, directly accessible)',
  '3d': '3 calendar days (Art. 5(1)(b): urgent, indirectly accessible)',
  '7d': '7 calendar days (Art. 5(1)(c))',
};

export const RULE_SHORT: Readonly<Record<string, string>> = { '8h': '8 hours', '3d': '3 days', '7d': '7 days' };

export const STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  filed: 'Filed',
  acknowledged: 'Acknowledged',
  clarification_pending: 'Clarification pending',
  authorisation_pending: 'Judicial authorisation pending',
  answered: 'Answered',
  partially_answered: 'Partly answered',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  forwarded: 'Forwarded',
};

/** A full answer, a full refusal or a withdrawal ends the request (a partial one leaves it open). */
export const CLOSED_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['answered', 'refused', 'withdrawn']);

export type PauseReason = 'clarification' | 'authorisation';

export interface RequestClock {
  state: 'closed' | 'paused' | 'running' | 'overdue';
  /** Running or overdue: the deadline in force; paused: where it left off; closed: the last in force. */
  deadline: string;
  pausedFor: PauseReason[];
  pausedSince: string | null;
}

/**
 * How a request's clock reads at `now` (epoch ms). The API's `overdue` (computed when it answered)
 * wins, so a clarification asked only after the deadline had passed stays overdue; a running clock
 * turns overdue here as soon as its deadline passes, without waiting for the next read.
 */
export function requestClock(e: InformationRequestEntry, now: number): RequestClock {
  const pausedFor: PauseReason[] = [
    ...(e.clarificationPending ? ['clarification' as const] : []),
    ...(e.authorisationPending ? ['authorisation' as const] : []),
  ];
  const base = { pausedFor, pausedSince: e.pausedSince };
  if (CLOSED_STATUSES.has(e.status)) return { ...base, state: 'closed', deadline: e.deadlineAt };
  const inForce = e.deadlineInForce ?? e.deadlineAt;
  if (e.overdue === true) return { ...base, state: 'overdue', deadline: inForce };
  if (e.paused) return { ...base, state: 'paused', deadline: e.deadlineAt };
  return { ...base, state: Date.parse(inForce) < now ? 'overdue' : 'running', deadline: inForce };
}

export function pauseText(reasons: PauseReason[]): string {
  const parts = reasons.map((r) => (r === 'clarification' ? 'a clarification is pending (Art. 6(3))' : 'a judicial authorisation is awaited (Art. 5(2))'));
  return parts.length ? `Paused: ${parts.join(' and ')}` : 'Paused';
}

/** "Incoming request from Sweden" / "Outgoing request to Denmark". */
export const directionText = (e: Pick<InformationRequestEntry, 'direction' | 'counterpartCountry'>): string =>
  e.direction === 'incoming' ? `Incoming request from ${countryName(e.counterpartCountry)}` : `Outgoing request to ${countryName(e.counterpartCountry)}`;

/** The strictest handling code among a printed list's cases (H3 > H2 > H1 > H0), or null if none. */
export function strictestHandling(codes: readonly (string | null | undefined)[]): string | null {
  const order = ['H0', 'H1', 'H2', 'H3'];
  let best = -1;
  for (const c of codes) best = Math.max(best, c ? order.indexOf(c) : -1);
  return best >= 0 ? (order[best] as string) : null;
}

const when = (v: unknown) => (typeof v === 'string' ? formatInstant(v) : '');
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** One recorded step as the request page lists it: what happened, and its facts as short lines. */
export function stepText(step: RequestStep): { what: string; detail: string[] } {
  const { what, detail } = describeStep(step);
  return { what, detail: detail.filter((line) => line.trim() !== '') };
}

function describeStep(step: RequestStep): { what: string; detail: string[] } {
  const d = step.detail;
  switch (step.type) {
    case 'InformationRequested': {
      const urgency = d.urgent === true ? `Urgent${typeof d.urgencyReason === 'string' ? ` — ${URGENCY_REASON_LABELS[d.urgencyReason] ?? d.urgencyReason}` : ''}` : 'Not urgent';
      return {
        what: 'Request received by the requested single point of contact',
        detail: [urgency, `Information ${d.access === 'indirect' ? 'indirectly' : 'directly'} accessible · limit ${RULE_LABELS[text(d.deadlineRule)] ?? text(d.deadlineRule)}`,
          `Due ${when(d.deadlineAt)}`, `Channel: ${d.channel === 'siena' ? 'SIENA' : text(d.channel)}`],
      };
    }
    case 'RequestAcknowledged': return { what: 'Receipt acknowledged', detail: [] };
    case 'ClarificationRequested': return { what: 'Clarification asked (Art. 6(3)): the clock stops', detail: [text(d.question)] };
    case 'ClarificationProvided': return { what: 'Clarification given: the clock runs again', detail: [text(d.answer), `Deadline now ${when(d.deadlineAt)}`] };
    case 'JudicialAuthorisationPending': return {
      what: 'Judicial authorisation needed (Art. 5(2)): the requesting side told of the expected delay',
      detail: [`Expected delay: ${typeof d.expectedDelayDays === 'number' ? `${d.expectedDelayDays} ${d.expectedDelayDays === 1 ? 'day' : 'days'}` : 'not stated'}`, text(d.reason)],
    };
    case 'JudicialAuthorisationObtained': return { what: 'Judicial authorisation obtained: the clock runs again', detail: [`Deadline now ${when(d.deadlineAt)}`] };
    case 'InformationProvided': return {
      what: `${d.partial === true ? 'Part of the information provided' : 'Information provided'}${d.late === true ? ' after the deadline' : ''}`,
      detail: [text(d.summary)],
    };
    case 'RequestRefused': {
      const grounds = Array.isArray(d.grounds) ? (d.grounds as { ground: string; reason?: string }[]) : [];
      return {
        what: d.partial === true ? 'Refused in part' : 'Refused',
        detail: grounds.map((g) => `${groundLabel(g.ground)}${g.reason ? ` — ${g.reason}` : ''}`),
      };
    }
    case 'RequestWithdrawn': return { what: 'Withdrawn by the requesting side', detail: [text(d.reason)] };
    case 'RequestForwardedTo': return { what: 'Forwarded to another competent authority', detail: [text(d.authority)] };
    default: return { what: step.type.replace(/([a-z])([A-Z])/g, '$1 $2'), detail: [] };
  }
}
