// Deadline policy for information requests, Directive (EU) 2023/977 Art. 5(1):
//
//   (a) 8 hours for urgent requests for directly accessible information;
//   (b) 3 calendar days for urgent requests for indirectly accessible information;
//   (c) 7 calendar days for all other requests;
//   the limits "commence at the moment the request for information is received" (Art. 5(1), second
//   subparagraph) — receipt by the requested SPOC, not its registration.
//
// How to count is not spelled out in the directive. Regulation (EEC, Euratom) No 1182/71 (periods,
// dates and time limits) applies to acts "of the Council or Commission"; whether it governs this
// Parliament-and-Council directive is an open question (../shared/domain-reference.md, "Information
// requests between countries"). Applied, it would change a lot: the hour or day of receipt would not
// count, a period in days would end at 24:00 of its last day, and a last day on a Saturday, Sunday or
// public holiday of the requested state would move to the next working day (Danish and Swedish
// holidays differ). This module implements the plain reading instead, as a documented policy:
//
//   - 8 h  = 8 elapsed hours from the receipt instant (no calendar involved);
//   - N d  = the same local wall-clock time N calendar days later, in the *requested* SPOC's IANA time
//            zone. Across a DST change that is 71 h (spring) or 73 h (autumn) of elapsed time;
//   - if that local time does not exist (the spring gap, e.g. 02:30 on the last Sunday of March in
//     Europe/Stockholm) the deadline is the first valid instant after it, i.e. the moment the clocks
//     jump (03:00 local);
//   - if that local time occurs twice (the autumn fold, e.g. 02:30 on the last Sunday of October) the
//     deadline is the earlier of the two instants (the stricter one).
//
// Local times are never computed without an offset: the zone's offset at each candidate instant is
// read from Intl.DateTimeFormat (pure computation over the runtime's tz data, no I/O, no clock), and
// every result is an absolute instant written in UTC.
//
// Pauses (Art. 6(3) clarification, Art. 5(2) judicial authorisation) move a deadline by the elapsed
// time the clock stood still: `shiftDeadline`.
import { DomainError } from '../shared/domain-error.js';
import { parseInstant } from '../shared/instant.js';
import type { DeadlineRule, InformationAccess } from './information-request.events.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Art. 5(1)(a): urgent and directly accessible. */
export const URGENT_DIRECT_HOURS = 8;
/** Art. 5(1)(b): urgent and indirectly accessible. */
export const URGENT_INDIRECT_DAYS = 3;
/** Art. 5(1)(c): every other request. */
export const OTHER_REQUEST_DAYS = 7;

export interface DeadlineInput {
  /** When the requested SPOC received the request (ISO-8601 with offset). */
  receivedAt: string;
  urgent: boolean;
  access: InformationAccess;
  /** The requested SPOC's IANA time zone, in which calendar days are counted. */
  timeZone: string;
}

export interface Deadline {
  rule: DeadlineRule;
  /** UTC ISO instant. */
  deadlineAt: string;
}

/** Which Art. 5(1) limit applies. */
export function deadlineRuleFor(urgent: boolean, access: InformationAccess): DeadlineRule {
  if (!urgent) return '7d';
  switch (access) {
    case 'direct': return '8h';
    case 'indirect': return '3d';
    default: {
      const unhandled: never = access;
      throw new Error(`Unknown information access ${String(unhandled)}`);
    }
  }
}

// One formatter per zone: building one is far slower than using it. A cache of a pure function's
// helper objects, not state a decision depends on.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's canonical IANA name (e.g. 'europe/stockholm' → 'Europe/Stockholm'), or DomainError
 * INVALID_TIME_ZONE when the runtime does not know the zone.
 */
export function requireTimeZone(value: unknown, field = 'timeZone'): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
    throw new DomainError('INVALID_TIME_ZONE', `${field} must be an IANA time zone such as Europe/Stockholm`, field);
  }
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    formatterFor(canonical);
    return canonical;
  } catch {
    throw new DomainError('INVALID_TIME_ZONE', `${field} ${value} is not a known IANA time zone`, field);
  }
}

/** Wall-clock fields of `ms` in `timeZone`, as if they were UTC (milliseconds kept). */
function localAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(ms))) parts[type] = value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wholeSeconds = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wholeSeconds + (((ms % 1000) + 1000) % 1000);
}

/** The zone's UTC offset in force at instant `ms`, in milliseconds (local = UTC + offset). */
const offsetAt = (ms: number, timeZone: string): number => localAsUtc(ms, timeZone) - ms;

/**
 * The instant at which the wall clock in `timeZone` shows `local` (wall-clock fields encoded as a UTC
 * timestamp). Twice (autumn fold): the earlier. Never (spring gap): the first instant after it, i.e.
 * the moment the clocks jump forward.
 */
export function instantOfLocalTime(local: number, timeZone: string): number {
  // Offsets change at most once within a day in every real zone: the ones a day either side bracket it.
  const offsets = [...new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local + DAY_MS, timeZone)])];
  const valid = offsets.map((offset) => local - offset).filter((candidate) => localAsUtc(candidate, timeZone) === local);
  if (valid.length > 0) return Math.min(...valid);
  // Gap: the wall clock skips `local`. Find the transition between the two candidate instants (the
  // earlier reads before the gap, the later after it) by bisection to the millisecond.
  let before = Math.min(...offsets.map((o) => local - o));
  let after = Math.max(...offsets.map((o) => local - o));
  const offsetBefore = offsetAt(before, timeZone);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(middle, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}

/** The same wall-clock time `days` calendar days after `ms`, in `timeZone` (see the policy above). */
export function addCalendarDays(ms: number, days: number, timeZone: string): number {
  return instantOfLocalTime(localAsUtc(ms, timeZone) + days * DAY_MS, timeZone);
}

/**
 * The Art. 5(1) deadline of a request. Throws DomainError INVALID_TIME_ZONE for an unknown zone and
 * INVALID_TIMESTAMP for a receipt that is not an ISO-8601 instant with offset.
 */
export function deadlineFor(input: DeadlineInput): Deadline {
  const received = parseInstant(input.receivedAt);
  if (received === undefined) {
    throw new DomainError('INVALID_TIMESTAMP', 'receivedAt must be an ISO-8601 date-time with offset', 'receivedAt');
  }
  const timeZone = requireTimeZone(input.timeZone);
  const rule = deadlineRuleFor(input.urgent, input.access);
  switch (rule) {
    case '8h': return { rule, deadlineAt: new Date(received + URGENT_DIRECT_HOURS * HOUR_MS).toISOString() };
    case '3d': return { rule, deadlineAt: new Date(addCalendarDays(received, URGENT_INDIRECT_DAYS, timeZone)).toISOString() };
    case '7d': return { rule, deadlineAt: new Date(addCalendarDays(received, OTHER_REQUEST_DAYS, timeZone)).toISOString() };
    default: {
      const unhandled: never = rule;
      throw new Error(`Unknown deadline rule ${String(unhandled)}`);
    }
  }
}

/**
 * Moves a deadline by the elapsed time the clock stood still, from `pausedFrom` to `pausedUntil`
 * (Art. 6(3) suspension; Art. 5(2) deviation "only insofar as necessary"). The clock keeps what was
 * left of it: a pause that starts at or after the deadline moves nothing (the limit was already
 * missed), and a pause that ends before it starts is zero. All inputs are valid ISO instants; the
 * result is UTC.
 */
export function shiftDeadline(deadlineAt: string, pausedFrom: string, pausedUntil: string): string {
  const deadline = Date.parse(deadlineAt);
  const from = Date.parse(pausedFrom);
  const until = Date.parse(pausedUntil);
  if ([deadline, from, until].some(Number.isNaN)) {
    throw new Error(`shiftDeadline needs ISO instants, got ${deadlineAt}, ${pausedFrom}, ${pausedUntil}`);
  }
  const stood = from < deadline ? Math.max(0, until - from) : 0;
  return new Date(deadline + stood).toISOString();
}
