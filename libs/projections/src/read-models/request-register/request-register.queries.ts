import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { requestVisibleTo } from '../../access/request-access.js';
import {
  addFilter, clampLimit, decodeCursor, prepared, toPage, utcParam, viewerParams, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import { deadlineInForceAt, isOverdueAt, OVERDUE_SQL } from '../shared/information-request-clock.js';
import type { RegisterRow, RequestStatus } from './request-register.fold.js';
import { stepsOf, type RequestStep } from './request-timeline.js';

export type RequestDirection = 'outgoing' | 'incoming';

/**
 * One information request as one of its two countries sees it. Personal data: informationSought,
 * purpose, refusal reasons (answers carrying them need a purpose and are access-logged).
 */
export interface InformationRequestEntry {
  requestId: string;
  /** The linked case, as the requesting country named it (shown to both countries of the request). */
  caseId: string | null;
  /** outgoing: the viewer is the requesting country; incoming: the requested one. */
  direction: RequestDirection;
  requestingCountry: string;
  requestedCountry: string;
  /** The other country of the exchange, seen from the viewer. */
  counterpartCountry: string;
  requestingAuthority: string;
  informationSought: string;
  purpose: string;
  urgent: boolean;
  urgencyReason: string | null;
  access: string;
  language: string;
  channel: string;
  /** Art. 5(1) limit: '8h' | '3d' | '7d'. */
  rule: string;
  /** The requested SPOC's IANA zone (calendar days are counted in it). */
  timeZone: string;
  /** Receipt by the requested SPOC: the deadline counts from here (Art. 5(1)). */
  receivedAt: string;
  /** The deadline the request was filed with. */
  originalDeadlineAt: string;
  /** The deadline in force while the clock runs; while it stands still, the deadline it left off at. */
  deadlineAt: string;
  /**
   * The deadline in force at `now` (moves while the clock stands still, as the decider's
   * deadlineInForce); null when asked without `now` and the clock stands still.
   */
  deadlineInForce: string | null;
  /** The clock stands still: a clarification (Art. 6(3)) or a judicial authorisation (Art. 5(2)) is pending. */
  paused: boolean;
  pausedSince: string | null;
  clarificationPending: boolean;
  authorisationPending: boolean;
  status: RequestStatus;
  acknowledgedAt: string | null;
  clarificationRequestedAt: string | null;
  clarificationProvidedAt: string | null;
  /** When the requesting side was told of the expected delay (Art. 5(2)), and how many days were announced. */
  authorisationNoticedAt: string | null;
  expectedDelayDays: number | null;
  authorisationObtainedAt: string | null;
  /** The latest provision of information (a partial one included). */
  providedAt: string | null;
  partiallyAnswered: boolean;
  refusedAt: string | null;
  partiallyRefused: boolean;
  /** Every ground given, in the order given (Art. 6(1) letters a–h), with its reason. */
  refusalGrounds: { ground: string; reason: string }[];
  withdrawnAt: string | null;
  forwardedAt: string | null;
  forwardedTo: string | null;
  /** Information was provided after the deadline in force (InformationProvided.late). */
  late: boolean;
  /** Open and past the deadline in force at `now` (see OVERDUE_SQL); null when asked without `now`. */
  overdue: boolean | null;
  lastPosition: number;
}

export interface ListInformationRequestsOptions extends PageOptions {
  direction?: RequestDirection;
  /** The other country of the exchange. */
  country?: string;
  status?: RequestStatus;
  urgent?: boolean;
  /** Open, clock running, deadline in force before this instant. */
  dueBefore?: string;
  /** Open and past the deadline in force at `now`. */
  overdueOnly?: boolean;
  caseId?: string;
  /** ISO instant the answer is computed for; queries never read the clock. */
  now: string;
}

type Row = RegisterRow & { direction: RequestDirection; counterpart: string };

function entry(r: Row, now: string | null): InformationRequestEntry {
  const paused = r.clock_stopped_at !== null;
  return {
    requestId: r.request_id, caseId: r.case_id, direction: r.direction, requestingCountry: r.requesting_country,
    requestedCountry: r.requested_country, counterpartCountry: r.counterpart, requestingAuthority: r.requesting_authority,
    informationSought: r.information_sought, purpose: r.purpose, urgent: r.urgent === 1, urgencyReason: r.urgency_reason,
    access: r.access, language: r.language, channel: r.channel, rule: r.rule, timeZone: r.time_zone, receivedAt: r.received_at,
    originalDeadlineAt: r.original_deadline_at, deadlineAt: r.deadline_at,
    deadlineInForce: now !== null ? deadlineInForceAt(r, now) : paused ? null : r.deadline_at,
    paused, pausedSince: r.clock_stopped_at, clarificationPending: r.clarification_since !== null,
    authorisationPending: r.authorisation_since !== null, status: r.status, acknowledgedAt: r.acknowledged_at,
    clarificationRequestedAt: r.clarification_requested_at, clarificationProvidedAt: r.clarification_provided_at,
    authorisationNoticedAt: r.authorisation_noticed_at, expectedDelayDays: r.expected_delay_days,
    authorisationObtainedAt: r.authorisation_obtained_at, providedAt: r.provided_at, partiallyAnswered: r.partially_answered === 1,
    refusedAt: r.refused_at, partiallyRefused: r.partially_refused === 1,
    refusalGrounds: JSON.parse(r.refusal_grounds) as { ground: string; reason: string }[], withdrawnAt: r.withdrawn_at,
    forwardedAt: r.forwarded_at, forwardedTo: r.forwarded_to, late: r.late === 1, overdue: now !== null ? isOverdueAt(r, now) : null,
    lastPosition: r.last_position,
  };
}

/**
 * Requests the viewer's country filed or received (nobody else's), newest receipt first. Read through
 * rr_parties, the access rule as rows: one per country that may see the request, in the list's order.
 */
export function listInformationRequests(
  db: Database.Database, viewer: Viewer, options: ListInformationRequestsOptions,
): Page<InformationRequestEntry> {
  const limit = clampLimit(options.limit);
  const now = utcParam(options.now, 'now');
  const where = ['p.country = @viewerCountry'];
  const params: Record<string, unknown> = { ...viewerParams(viewer), now, limit: limit + 1 };
  addFilter(where, params, options.direction, 'p.direction = @direction', 'direction');
  addFilter(where, params, options.country, 'p.other_country = @country', 'country');
  addFilter(where, params, options.status, 'r.status = @status', 'status');
  addFilter(where, params, options.caseId, 'r.case_id = @caseId', 'caseId');
  if (options.urgent !== undefined) addFilter(where, params, options.urgent ? 1 : 0, 'r.urgent = @urgent', 'urgent');
  if (options.dueBefore) {
    addFilter(where, params, utcParam(options.dueBefore, 'dueBefore'),
      'r.closed_by IS NULL AND r.clock_stopped_at IS NULL AND r.deadline_at < @dueBefore', 'dueBefore');
  }
  if (options.overdueOnly) where.push(OVERDUE_SQL);
  if (options.cursor) {
    const [at, id] = decodeCursor<[string, string]>(options.cursor, ['string', 'string']);
    where.push('(p.received_at, p.request_id) < (@cAt, @cId)');
    Object.assign(params, { cAt: at, cId: id });
  }
  // Open requests by deadline are few next to the register: start from them (rr_open_by_deadline, once
  // built) and sort, rather than walk the viewer's whole register newest first looking for them.
  const from = options.overdueOnly || options.dueBefore
    ? `rr_requests r CROSS JOIN rr_parties p ON p.country = @viewerCountry AND p.received_at = r.received_at AND p.request_id = r.request_id`
    : 'rr_parties p JOIN rr_requests r ON r.request_id = p.request_id';
  const rows = prepared(db, `SELECT r.*, p.direction, p.other_country AS counterpart FROM ${from}
    WHERE ${where.join(' AND ')} ORDER BY p.received_at DESC, p.request_id DESC LIMIT @limit`).all(params) as Row[];
  return toPage(rows, limit, (r) => entry(r, now), (r) => [r.received_at, r.request_id]);
}

export interface InformationRequestDetail extends InformationRequestEntry {
  /** Every step, oldest first, with its business time and the recording country. */
  steps: RequestStep[];
}

/**
 * One request with its dated steps, or null when it does not exist or the viewer's country is not one
 * of its two countries (indistinguishable). `now` (optional) fills in deadlineInForce and overdue.
 */
export function informationRequestDetail(
  db: Database.Database, viewer: Viewer, requestId: string, options: { now?: string } = {},
): InformationRequestDetail | null {
  const row = prepared(db, `SELECT r.*,
      CASE WHEN r.requesting_country = @viewerCountry THEN 'outgoing' ELSE 'incoming' END AS direction,
      CASE WHEN r.requesting_country = @viewerCountry THEN r.requested_country ELSE r.requesting_country END AS counterpart
    FROM rr_requests r WHERE r.request_id = @requestId AND ${requestVisibleTo('r')}`)
    .get({ ...viewerParams(viewer), requestId }) as Row | undefined;
  if (!row) return null;
  const steps = prepared(db, 'SELECT type, at, country, detail FROM rr_steps WHERE request_id = ? ORDER BY position').all(requestId) as Parameters<typeof stepsOf>[0];
  return { ...entry(row, options.now !== undefined ? utcParam(options.now, 'now') : null), steps: stepsOf(steps) };
}
