import { describe, expect, it } from '@jest/globals';
import { calendarDay, isoWeek, isoWeeksEndingAt, localInputToIso, relativeDeadline, weekRequests, zoneOffsetMs, zonedToUtc } from './zone';

const STOCKHOLM = 'Europe/Stockholm';
const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('time zone helpers', () => {
  it('knows Stockholm\'s offset on either side of the last Sunday of October (25 Oct 2026, 01:00 UTC)', () => {
    expect(zoneOffsetMs(at('2026-10-25T00:59:00Z'), STOCKHOLM)).toBe(2 * HOUR);
    expect(zoneOffsetMs(at('2026-10-25T01:00:00Z'), STOCKHOLM)).toBe(1 * HOUR);
    expect(zonedToUtc(2026, 10, 24, 0, 0, STOCKHOLM)).toBe(at('2026-10-23T22:00:00Z'));
    expect(zonedToUtc(2026, 10, 26, 0, 0, STOCKHOLM)).toBe(at('2026-10-25T23:00:00Z'));
    // Spring forward (29 Mar 2026): 02:30 does not exist and maps past the gap.
    expect(zonedToUtc(2026, 3, 29, 2, 30, STOCKHOLM)).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('numbers ISO weeks, across a year boundary too', () => {
    expect(isoWeek(calendarDay(at('2026-10-19T12:00:00Z'), 'UTC'))).toEqual({ year: 2026, week: 43 });
    expect(isoWeek(calendarDay(at('2027-01-01T12:00:00Z'), 'UTC'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(calendarDay(at('2024-12-30T12:00:00Z'), 'UTC'))).toEqual({ year: 2025, week: 1 });
  });

  it('buckets ISO weeks at local Monday midnight: the DST week has 169 hours and the last week holds today', () => {
    // Thursday 29 Oct 2026, 10:00 in Stockholm.
    const weeks = isoWeeksEndingAt(at('2026-10-29T09:00:00Z'), 3, STOCKHOLM);
    expect(weeks.map((w) => w.label)).toEqual(['W42 (12 Oct)', 'W43 (19 Oct)', 'W44 (26 Oct)']);
    expect(new Date(weeks[1]!.start).toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(new Date(weeks[1]!.end).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(weeks[1]!.end - weeks[1]!.start).toBe(169 * HOUR);
    expect(weeks[2]!.start).toBe(weeks[1]!.end);
    expect(weeks[2]!.end - weeks[2]!.start).toBe(168 * HOUR);
    // Monday 00:30 local is already in the new week, though still Sunday in UTC.
    const mondayEarly = isoWeeksEndingAt(at('2026-10-25T23:30:00Z'), 1, STOCKHOLM)[0]!;
    expect(mondayEarly.label).toBe('W44 (26 Oct)');
    expect(isoWeeksEndingAt(at('2026-10-25T23:30:00Z'), 1, 'UTC')[0]!.label).toBe('W43 (19 Oct)');
  });

  it('asks for weeks in runs that restart after a clock change, so every bucket starts at a local Monday', () => {
    const weeks = isoWeeksEndingAt(at('2026-11-12T09:00:00Z'), 6, STOCKHOLM);
    const runs = weekRequests(weeks);
    expect(runs.map((r) => r.weeks.map((w) => w.label))).toEqual([
      ['W41 (5 Oct)', 'W42 (12 Oct)', 'W43 (19 Oct)'], ['W44 (26 Oct)', 'W45 (2 Nov)', 'W46 (9 Nov)'],
    ]);
    for (const r of runs) r.weeks.forEach((w, i) => expect(w.start).toBe(r.from + i * 7 * 24 * HOUR));
    expect(new Date(runs[1]!.to).toISOString()).toBe('2026-11-08T23:00:00.000Z');
    expect(weekRequests(isoWeeksEndingAt(at('2026-12-03T09:00:00Z'), 4, STOCKHOLM))).toHaveLength(1);
  });

  it('reads a datetime-local filter in the chosen zone', () => {
    expect(localInputToIso('2026-10-26T09:00', STOCKHOLM)).toBe('2026-10-26T08:00:00.000Z');
    expect(localInputToIso('2026-10-24T09:00', STOCKHOLM)).toBe('2026-10-24T07:00:00.000Z');
    expect(localInputToIso('2026-10-24T09:00', 'UTC')).toBe('2026-10-24T09:00:00.000Z');
    expect(localInputToIso('nonsense', STOCKHOLM)).toBeUndefined();
  });

  it('tells deadlines in calendar days of the viewer\'s zone', () => {
    const now = at('2026-10-29T09:00:00Z');
    expect(relativeDeadline(at('2026-11-01T08:00:00Z'), now, STOCKHOLM)).toBe('in 3 days');
    expect(relativeDeadline(at('2026-10-30T08:00:00Z'), now, STOCKHOLM)).toBe('tomorrow');
    expect(relativeDeadline(at('2026-10-29T20:00:00Z'), now, STOCKHOLM)).toBe('today');
    expect(relativeDeadline(at('2026-10-29T07:00:00Z'), now, STOCKHOLM)).toBe('overdue since earlier today');
    expect(relativeDeadline(at('2026-10-27T12:00:00Z'), now, STOCKHOLM)).toBe('2 days overdue');
    expect(relativeDeadline(at('2026-10-28T12:00:00Z'), now, STOCKHOLM)).toBe('1 day overdue');
    // 23:30 UTC on the 29th is already the 30th in Stockholm.
    expect(relativeDeadline(at('2026-10-29T23:30:00Z'), now, STOCKHOLM)).toBe('tomorrow');
    expect(relativeDeadline(at('2026-10-29T23:30:00Z'), now, 'UTC')).toBe('today');
  });
});
