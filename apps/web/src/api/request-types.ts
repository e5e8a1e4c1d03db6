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

export interface InformationRequestEntry {
  requestId: string;
  caseId: string | null;
  direction: RequestDirection;
  requestingCountry: string;
  requestedCountry: string;
  counterpartCountry: string;
  requestingAuthority: string;
  informationSought: string;
  purpose: string;
  urgent: boolean;
  urgencyReason: string | null;
  access: string;
  language: string;
  channel: string;
  /** '8h' | '3d' | '7d' (Art. 5(1)). */
  rule: string;
  timeZone: string;
  receivedAt: string;
  originalDeadlineAt: string;
  deadlineAt: string;
  /** The deadline in force when the API answered (it moves while the clock stands still). */
  deadlineInForce: string | null;
  paused: boolean;
  pausedSince: string | null;
  clarificationPending: boolean;
  authorisationPending: boolean;
  status: RequestStatus;
  acknowledgedAt: string | null;
  clarificationRequestedAt: string | null;
  clarificationProvidedAt: string | null;
  authorisationNoticedAt: string | null;
  expectedDelayDays: number | null;
  authorisationObtainedAt: string | null;
  providedAt: string | null;
  partiallyAnswered: boolean;
  refusedAt: string | null;
  partiallyRefused: boolean;
  refusalGrounds: RefusalGroundGiven[];
  withdrawnAt: string | null;
  forwardedAt: string | null;
  forwardedTo: string | null;
  late: boolean;
  /** Open and past the deadline in force when the API answered. */
  overdue: boolean | null;
  lastPosition: number;
}

export interface RequestStep {
  type: string;
  at: string | null;
  country: string | null;
  detail: Record<string, unknown>;
}

export interface InformationRequestDetail extends InformationRequestEntry {
  steps: RequestStep[];
}

export const DEADLINE_KINDS = ['information_request', 'custody_review', 'extradition'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** As the API buckets them: overdue; next 8 hours; 8 to 72 hours; later. */
export const DEADLINE_BUCKETS = ['overdue', 'next_8h', 'next_3d', 'later'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

export interface DeadlineItem {
  kind: DeadlineKind;
  role: string;
  dueAt: string;
  bucket: DeadlineBucket;
  label: string;
  requestId: string | null;
  caseId: string | null;
  detentionId: string | null;
  extraditionId: string | null;
  counterpartCountry: string | null;
  urgent: boolean | null;
  rule: string | null;
  handlingCode: string | null;
  handlingText: string | null;
}

export interface DeadlinesBoard {
  now: string;
  items: DeadlineItem[];
  counts: Record<DeadlineBucket, number>;
  nextCursor?: string;
}
