// Information requests between countries (Directive (EU) 2023/977), as the read models see them: the
// event names as stored (libs/domain's information-request.events.ts defines the payloads; read
// models read them as plain records) and the request's deadline clock, folded exactly as the
// decider folds it (information-request.state.ts), so every read model agrees with the decider on
// which deadline is in force, when the clock stands still and when the request is closed.
import { str, utc, type Data } from './read-model-helpers.js';

export const INFORMATION_REQUEST_EVENTS = [
  'InformationRequested', 'RequestAcknowledged', 'ClarificationRequested', 'ClarificationProvided',
  'JudicialAuthorisationPending', 'JudicialAuthorisationObtained', 'InformationProvided', 'RequestRefused',
  'RequestWithdrawn', 'RequestForwardedTo',
] as const;

export const isInformationRequestEvent = (type: string): boolean => (INFORMATION_REQUEST_EVENTS as readonly string[]).includes(type);

/** Art. 6(1)(a)–(h): the closed list of refusal grounds (in this order in every answer). */
export const REFUSAL_GROUND_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

export type ClosedBy = 'provided' | 'refused' | 'withdrawn';

/**
 * The clock of one request, as columns (snake_case, so a row binds as it is):
 * - deadline_at: the deadline in force while the clock runs; while it stands still, the deadline it
 *   left off at (the event that restarts the clock carries the moved deadline);
 * - clock_stopped_at: start of the pause still running (Art. 6(3) clarification and/or Art. 5(2)
 *   judicial authorisation), NULL while the clock runs;
 * - clarification_since / authorisation_since: the pause of each kind still pending;
 * - closed_by: a full answer, a full refusal or a withdrawal (a partial answer or refusal leaves it open).
 */
export interface RequestClock {
  deadline_at: string;
  clock_stopped_at: string | null;
  clarification_since: string | null;
  authorisation_since: string | null;
  closed_by: ClosedBy | null;
}

export const CLOCK_COLUMNS = `deadline_at TEXT NOT NULL, clock_stopped_at TEXT, clarification_since TEXT, authorisation_since TEXT,
  closed_by TEXT CHECK (closed_by IN ('provided','refused','withdrawn'))`;

export function clockOf(d: Data): RequestClock {
  return { deadline_at: utc(d.deadlineAt) ?? '', clock_stopped_at: null, clarification_since: null, authorisation_since: null, closed_by: null };
}

const earlier = (a: string | null, b: string): string => (a !== null && a <= b ? a : b);

/** A pause ends at `at` with the deadline moved; if the other pause still runs the clock stays stopped, counted afresh from `at`. */
function pauseEnds(c: RequestClock, at: string, deadlineAt: string | null, otherPending: boolean): void {
  if (deadlineAt) c.deadline_at = deadlineAt;
  c.clock_stopped_at = otherPending ? at : null;
}

/** Folds one later event of the request into its clock (InformationRequested starts it: clockOf). */
export function foldClock(c: RequestClock, type: string, d: Data): void {
  switch (type) {
    case 'ClarificationRequested': {
      const at = utc(d.requestedAt) ?? '';
      c.clarification_since = at;
      c.clock_stopped_at = earlier(c.clock_stopped_at, at);
      return;
    }
    case 'ClarificationProvided':
      c.clarification_since = null;
      pauseEnds(c, utc(d.providedAt) ?? '', utc(d.deadlineAt), c.authorisation_since !== null);
      return;
    case 'JudicialAuthorisationPending': {
      const at = utc(d.noticeSentAt) ?? '';
      c.authorisation_since = at;
      c.clock_stopped_at = earlier(c.clock_stopped_at, at);
      return;
    }
    case 'JudicialAuthorisationObtained':
      c.authorisation_since = null;
      pauseEnds(c, utc(d.obtainedAt) ?? '', utc(d.deadlineAt), c.clarification_since !== null);
      return;
    case 'InformationProvided':
      if (d.partial !== true) c.closed_by = 'provided';
      return;
    case 'RequestRefused':
      // Ground (c) on a pending authorisation ends it (refused): the clock restarts with the moved deadline.
      if (str(d.deadlineAt) !== null) {
        c.authorisation_since = null;
        pauseEnds(c, utc(d.refusedAt) ?? '', utc(d.deadlineAt), c.clarification_since !== null);
      }
      if (d.partial !== true) c.closed_by = 'refused';
      return;
    case 'RequestWithdrawn':
      c.closed_by = 'withdrawn';
      return;
    default:
      // RequestAcknowledged, RequestForwardedTo: the clock goes on as it is.
      return;
  }
}

/**
 * The deadline in force at `now` (UTC ISO), as the decider's deadlineInForce/shiftDeadline: while the
 * clock stands still, the deadline moves by the time it has stood still, unless it stopped only at or
 * after the deadline (then the limit was already missed and nothing moves).
 */
export function deadlineInForceAt(c: Pick<RequestClock, 'deadline_at' | 'clock_stopped_at'>, now: string): string {
  if (c.clock_stopped_at === null || c.clock_stopped_at >= c.deadline_at) return c.deadline_at;
  const stood = Math.max(0, Date.parse(now) - Date.parse(c.clock_stopped_at));
  return new Date(Date.parse(c.deadline_at) + stood).toISOString();
}

/**
 * SQL (alias `r`, bind `@now`): open, past the deadline in force and not waiting for a judicial
 * authorisation (Art. 5(2) lets the limit be exceeded while it is awaited); a pending clarification
 * stops the clock (Art. 6(3)), so it is overdue only if the deadline had passed when it was asked.
 * The same rule as the decider's isOverdue.
 */
export const OVERDUE_SQL = `(r.closed_by IS NULL AND r.authorisation_since IS NULL AND r.deadline_at < @now
  AND (r.clock_stopped_at IS NULL OR r.deadline_at <= r.clock_stopped_at))`;

export function isOverdueAt(c: RequestClock, now: string): boolean {
  return c.closed_by === null && c.authorisation_since === null && c.deadline_at < now
    && (c.clock_stopped_at === null || c.deadline_at <= c.clock_stopped_at);
}
