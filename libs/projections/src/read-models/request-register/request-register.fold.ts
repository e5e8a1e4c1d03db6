import { str, utc, type Data } from '../shared/read-model-helpers.js';
import { clockOf, foldClock, type RequestClock } from '../shared/information-request-clock.js';

export const REQUEST_STATUSES = [
  'filed', 'acknowledged', 'clarification_pending', 'authorisation_pending', 'answered', 'partially_answered',
  'refused', 'withdrawn', 'forwarded',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One rr_requests row, column for column (binds as named parameters as it is). */
export interface RegisterRow extends RequestClock {
  request_id: string; requesting_country: string; requested_country: string; requesting_authority: string;
  case_id: string | null; information_sought: string; purpose: string; urgent: number; urgency_reason: string | null;
  access: string; language: string; channel: string; time_zone: string; rule: string; received_at: string;
  original_deadline_at: string; status: RequestStatus; acknowledged_at: string | null;
  clarification_requested_at: string | null; clarification_provided_at: string | null;
  authorisation_noticed_at: string | null; expected_delay_days: number | null; authorisation_obtained_at: string | null;
  provided_at: string | null; partially_answered: number; refused_at: string | null; partially_refused: number;
  refusal_grounds: string; withdrawn_at: string | null; forwarded_at: string | null; forwarded_to: string | null;
  late: number; last_position: number;
}

export const REGISTER_COLUMNS = `request_id TEXT PRIMARY KEY, requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL,
  requesting_authority TEXT NOT NULL, case_id TEXT, information_sought TEXT NOT NULL, purpose TEXT NOT NULL, urgent INTEGER NOT NULL,
  urgency_reason TEXT, access TEXT NOT NULL, language TEXT NOT NULL, channel TEXT NOT NULL, time_zone TEXT NOT NULL, rule TEXT NOT NULL,
  received_at TEXT NOT NULL, original_deadline_at TEXT NOT NULL, deadline_at TEXT NOT NULL, clock_stopped_at TEXT,
  clarification_since TEXT, authorisation_since TEXT, closed_by TEXT, status TEXT NOT NULL, acknowledged_at TEXT,
  clarification_requested_at TEXT, clarification_provided_at TEXT, authorisation_noticed_at TEXT, expected_delay_days INTEGER,
  authorisation_obtained_at TEXT, provided_at TEXT, partially_answered INTEGER NOT NULL, refused_at TEXT,
  partially_refused INTEGER NOT NULL, refusal_grounds TEXT NOT NULL, withdrawn_at TEXT, forwarded_at TEXT, forwarded_to TEXT,
  late INTEGER NOT NULL, last_position INTEGER NOT NULL`;

/** The row InformationRequested starts. */
export function requestedRow(d: Data, position: number): RegisterRow {
  const clock = clockOf(d);
  return {
    request_id: String(d.requestId), requesting_country: String(d.requestingCountry), requested_country: String(d.requestedCountry),
    requesting_authority: String(d.requestingAuthority ?? ''), case_id: str(d.caseId), information_sought: String(d.informationSought ?? ''),
    purpose: String(d.purpose ?? ''), urgent: d.urgent === true ? 1 : 0, urgency_reason: str(d.urgencyReason),
    access: String(d.access ?? ''), language: String(d.language ?? ''), channel: String(d.channel ?? 'siena'),
    time_zone: String(d.timeZone ?? ''), rule: String(d.deadlineRule ?? ''), received_at: utc(d.receivedAt) ?? '',
    original_deadline_at: clock.deadline_at, ...clock, status: 'filed', acknowledged_at: null, clarification_requested_at: null,
    clarification_provided_at: null, authorisation_noticed_at: null, expected_delay_days: null, authorisation_obtained_at: null,
    provided_at: null, partially_answered: 0, refused_at: null, partially_refused: 0, refusal_grounds: '[]', withdrawn_at: null,
    forwarded_at: null, forwarded_to: null, late: 0, last_position: position,
  };
}

/** Applies a later event of the request: the clock (shared with the decider's fold), then the dated steps. */
export function foldRequest(row: RegisterRow, type: string, d: Data): void {
  foldClock(row, type, d);
  switch (type) {
    case 'RequestAcknowledged':
      row.acknowledged_at = utc(d.acknowledgedAt);
      break;
    case 'ClarificationRequested':
      row.clarification_requested_at = utc(d.requestedAt);
      break;
    case 'ClarificationProvided':
      row.clarification_provided_at = utc(d.providedAt);
      break;
    case 'JudicialAuthorisationPending':
      row.authorisation_noticed_at = utc(d.noticeSentAt);
      row.expected_delay_days = typeof d.expectedDelayDays === 'number' ? d.expectedDelayDays : null;
      break;
    case 'JudicialAuthorisationObtained':
      row.authorisation_obtained_at = utc(d.obtainedAt);
      break;
    case 'InformationProvided':
      row.provided_at = utc(d.providedAt);
      if (d.partial === true) row.partially_answered = 1;
      if (d.late === true) row.late = 1;
      break;
    case 'RequestRefused': {
      row.refused_at = utc(d.refusedAt);
      if (d.partial === true) row.partially_refused = 1;
      const grounds = JSON.parse(row.refusal_grounds) as { ground: string; reason: string }[];
      for (const g of (d.grounds as { ground: string; reason?: string }[] | undefined) ?? []) {
        grounds.push({ ground: String(g.ground), reason: String(g.reason ?? '') });
      }
      row.refusal_grounds = JSON.stringify(grounds);
      break;
    }
    case 'RequestWithdrawn':
      row.withdrawn_at = utc(d.withdrawnAt);
      break;
    case 'RequestForwardedTo':
      row.forwarded_at = utc(d.forwardedAt);
      row.forwarded_to = str(d.authority);
      break;
  }
  row.status = statusOf(row);
}

/**
 * Closed first (a full answer, a full refusal, a withdrawal), then a pause of the clock (a pending
 * clarification before a pending judicial authorisation), then how far the open request got: part of
 * it answered, forwarded to another authority, acknowledged, or only filed. A partial refusal alone
 * leaves the status where it was (its grounds and `partiallyRefused` say so).
 */
export function statusOf(r: RegisterRow): RequestStatus {
  if (r.closed_by === 'provided') return 'answered';
  if (r.closed_by === 'refused') return 'refused';
  if (r.closed_by === 'withdrawn') return 'withdrawn';
  if (r.clarification_since !== null) return 'clarification_pending';
  if (r.authorisation_since !== null) return 'authorisation_pending';
  if (r.partially_answered === 1) return 'partially_answered';
  if (r.forwarded_at !== null) return 'forwarded';
  if (r.acknowledged_at !== null) return 'acknowledged';
  return 'filed';
}
