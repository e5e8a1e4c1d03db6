// Shapes of the information-request answers (Directive (EU) 2023/977) the dashboard reads: the request
// register, one request with its steps, and the deadlines board (see libs/projections/src/read-models/
// request-register and deadlines-board). The statistics are read as the API's CSV (requests/statistics.ts).

export const REQUEST_STATUSES = [
  'filed', 'acknowledged', 'clarification_pending', 'authorisation_pending', 'answered', 'partially_answered',
  'refused', 'withdrawn', 'forwarded',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type RequestDirection = 'incoming' | 'outgoing';

export interface RefusalGroundGiven { ground: string; reason: string }

/**
 * A register entry, with the fields the views read (the read model's doc comments say what each means).
 * `deadlineInForce` and `overdue` are as of the API's answer; the views run the clock on from there.
 */
export interface InformationRequestEntry {
  requestId: string; caseId: string | null; direction: RequestDirection;
  requestingCountry: string; requestedCountry: string; counterpartCountry: string; requestingAuthority: string;
  informationSought: string; purpose: string; urgent: boolean; urgencyReason: string | null;
  access: string; language: string; channel: string; rule: string; timeZone: string;
  receivedAt: string; originalDeadlineAt: string; deadlineAt: string; deadlineInForce: string | null;
  paused: boolean; pausedSince: string | null; clarificationPending: boolean; authorisationPending: boolean;
  status: RequestStatus; expectedDelayDays: number | null; partiallyRefused: boolean; refusalGrounds: RefusalGroundGiven[];
  forwardedAt: string | null; forwardedTo: string | null; late: boolean; overdue: boolean | null;
}

export interface RequestStep { type: string; at: string | null; country: string | null; detail: Record<string, unknown> }

export interface InformationRequestDetail extends InformationRequestEntry {
  steps: RequestStep[];
}

export const DEADLINE_KINDS = ['information_request', 'custody_review', 'extradition'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** As the API buckets them: overdue; next 8 hours; 8 to 72 hours; later. */
export const DEADLINE_BUCKETS = ['overdue', 'next_8h', 'next_3d', 'later'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

/** One item of the board: no personal data, ids, countries, kinds, times and the case's handling code. */
export interface DeadlineItem {
  kind: DeadlineKind; dueAt: string; bucket: DeadlineBucket; label: string;
  requestId: string | null; caseId: string | null; detentionId: string | null; extraditionId: string | null;
  counterpartCountry: string | null; urgent: boolean | null; handlingCode: string | null; handlingText: string | null;
}

export interface DeadlinesBoard {
  now: string;
  items: DeadlineItem[];
  counts: Record<DeadlineBucket, number>;
  nextCursor?: string;
}
