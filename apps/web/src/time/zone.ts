/**
 * Time-zone arithmetic with Intl only (no library): wall-clock dates in a named IANA zone, the UTC
 * instant of a local midnight (DST-correct), ISO weeks in that zone and "in 3 days" / "2 days
 * overdue" counted in calendar days of that zone. Pure functions; the UI keeps the chosen zone.
 */
const DAY_MS = 86_400_000;
const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partsCache.set(zone, f);
  }
  return f;
}

export interface Wall { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall clock in `zone` at an instant. */
export function wallClock(ms: number, zone: string): Wall {
  const p: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year ?? 0, month: p.month ?? 1, day: p.day ?? 1, hour: (p.hour ?? 0) % 24, minute: p.minute ?? 0, second: p.second ?? 0 };
}

/** Offset of `zone` from UTC at an instant, in ms (Stockholm: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `zone` happens. Two passes settle the offset across a DST change;
 * a time skipped by spring-forward maps to the instant after the gap.
 */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(first, zone);
}

/** Days since 1970-01-01 of the calendar date `zone` shows at an instant. */
export function calendarDay(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Math.round(Date.UTC(w.year, w.month - 1, w.day) / DAY_MS);
}

/** The UTC instant of local midnight that starts calendar day `dayNumber` (as from calendarDay). */
export function startOfCalendarDay(dayNumber: number, zone: string): number {
  const d = new Date(dayNumber * DAY_MS);
  return zonedToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, zone);
}

/** ISO week number and its year of a calendar day number (Monday-based, week 1 holds January 4th). */
export function isoWeek(dayNumber: number): { year: number; week: number } {
  const weekday = (new Date(dayNumber * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date((dayNumber - weekday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

export interface WeekBucket {
  /** UTC instant of Monday 00:00 in the zone. */
  start: number;
  /** UTC instant of the next Monday 00:00 (167, 168 or 169 hours later). */
  end: number;
  /** Calendar day number of the Monday. */
  monday: number;
  label: string;
}

/** The last `count` ISO weeks in `zone`, oldest first, the one holding `now` last. */
export function isoWeeksEndingAt(now: number, count: number, zone: string): WeekBucket[] {
  const today = calendarDay(now, zone);
  const thisMonday = today - ((new Date(today * DAY_MS).getUTCDay() + 6) % 7);
  const weeks: WeekBucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const monday = thisMonday - 7 * i;
    const { week } = isoWeek(monday);
    const d = new Date(monday * DAY_MS);
    const label = `W${week} (${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })})`;
    weeks.push({ start: startOfCalendarDay(monday, zone), end: startOfCalendarDay(monday + 7, zone), monday, label });
  }
  return weeks;
}

/** "today", "tomorrow", "in 3 days", "due today (overdue)", "1 day overdue", counted in `zone`. */
export function relativeDeadline(deadline: number, now: number, zone: string): string {
  const days = calendarDay(deadline, zone) - calendarDay(now, zone);
  if (deadline < now) return days === 0 ? 'overdue since earlier today' : `${-days} ${-days === 1 ? 'day' : 'days'} overdue`;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

export interface WeekRequest { from: number; to: number; weeks: WeekBucket[] }

/**
 * The API counts in buckets of exactly 7 × 24 h from `from`; local weeks are 167 or 169 h long when
 * the clocks change. So weeks are asked for in runs that restart at the Monday after a clock change:
 * every bucket then starts at a local Monday midnight. Only the end of the week holding the change
 * is an hour off (its last or next-to-last hour counts in the neighbouring bucket).
 */
export function weekRequests(weeks: WeekBucket[]): WeekRequest[] {
  const runs: WeekRequest[] = [];
  let run: WeekBucket[] = [];
  for (const w of weeks) {
    run.push(w);
    if (w.end - w.start !== 7 * DAY_MS) {
      runs.push({ from: run[0]!.start, to: w.start, weeks: run });
      run = [];
    }
  }
  if (run.length) runs.push({ from: run[0]!.start, to: run[run.length - 1]!.start, weeks: run });
  return runs;
}

/** A `datetime-local` value ("2026-10-25T02:30") read as wall-clock time in `zone`, as UTC ISO. */
export function localInputToIso(local: string, zone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(zonedToUtc(y, mo, d, h, mi, zone)).toISOString();
}
