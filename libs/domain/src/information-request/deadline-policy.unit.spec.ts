import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/domain-error.js';
import { addCalendarDays, deadlineFor, deadlineRuleFor, requireTimeZone, shiftDeadline } from './deadline-policy.js';

const HOUR = 3_600_000;
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / HOUR;
const same = (actual: string, expected: string) => expect(Date.parse(actual)).toBe(Date.parse(expected));

describe('deadline policy (Directive (EU) 2023/977 Art. 5(1))', () => {
  it('picks the rule from urgency and access', () => {
    expect(deadlineRuleFor(true, 'direct')).toBe('8h');
    expect(deadlineRuleFor(true, 'indirect')).toBe('3d');
    expect(deadlineRuleFor(false, 'direct')).toBe('7d');
    expect(deadlineRuleFor(false, 'indirect')).toBe('7d');
  });

  it('gives 8 elapsed hours for urgent, directly accessible information, across midnight and across DST', () => {
    expect(deadlineFor({ receivedAt: '2025-05-12T20:30:00+02:00', urgent: true, access: 'direct', timeZone: 'Europe/Stockholm' }))
      .toEqual({ rule: '8h', deadlineAt: '2025-05-13T02:30:00.000Z' });
    // 2025-03-30 01:00Z the clocks in Stockholm jump from 02:00 to 03:00: 8 h stay 8 h (local 07:00, not 06:00).
    const spring = deadlineFor({ receivedAt: '2025-03-29T23:00:00+01:00', urgent: true, access: 'direct', timeZone: 'Europe/Stockholm' });
    same(spring.deadlineAt, '2025-03-30T08:00:00+02:00');
    expect(hoursBetween('2025-03-29T23:00:00+01:00', spring.deadlineAt)).toBe(8);
  });

  it('counts 3 calendar days across midnight as the same local time three days later (72 h without DST)', () => {
    const { rule, deadlineAt } = deadlineFor({ receivedAt: '2025-05-12T23:45:00+02:00', urgent: true, access: 'indirect', timeZone: 'Europe/Copenhagen' });
    expect(rule).toBe('3d');
    expect(deadlineAt).toBe('2025-05-15T21:45:00.000Z');
    expect(hoursBetween('2025-05-12T23:45:00+02:00', deadlineAt)).toBe(72);
  });

  it('reads the local date in the requested SPOC\'s zone, not UTC (receipt 00:30 local is the previous day in UTC)', () => {
    const { deadlineAt } = deadlineFor({ receivedAt: '2025-05-11T22:30:00Z', urgent: false, access: 'direct', timeZone: 'Europe/Stockholm' });
    same(deadlineAt, '2025-05-19T00:30:00+02:00');
  });

  it.each(['Europe/Stockholm', 'Europe/Copenhagen'])('gives 71 h for 3 days across the spring change in %s', (timeZone) => {
    const receivedAt = '2025-03-28T10:00:00+01:00';
    const { deadlineAt } = deadlineFor({ receivedAt, urgent: true, access: 'indirect', timeZone });
    same(deadlineAt, '2025-03-31T10:00:00+02:00');
    expect(hoursBetween(receivedAt, deadlineAt)).toBe(71);
  });

  it.each(['Europe/Stockholm', 'Europe/Copenhagen'])('gives 73 h for 3 days across the autumn change in %s', (timeZone) => {
    const receivedAt = '2025-10-24T10:00:00+02:00';
    const { deadlineAt } = deadlineFor({ receivedAt, urgent: true, access: 'indirect', timeZone });
    same(deadlineAt, '2025-10-27T10:00:00+01:00');
    expect(hoursBetween(receivedAt, deadlineAt)).toBe(73);
  });

  it.each(['Europe/Stockholm', 'Europe/Copenhagen'])('gives 7 days across a DST change in %s as 167 h (spring) and 169 h (autumn)', (timeZone) => {
    const spring = deadlineFor({ receivedAt: '2025-03-27T09:15:00+01:00', urgent: false, access: 'indirect', timeZone });
    same(spring.deadlineAt, '2025-04-03T09:15:00+02:00');
    expect(hoursBetween('2025-03-27T09:15:00+01:00', spring.deadlineAt)).toBe(167);
    const autumn = deadlineFor({ receivedAt: '2025-10-21T09:15:00+02:00', urgent: false, access: 'direct', timeZone });
    same(autumn.deadlineAt, '2025-10-28T09:15:00+01:00');
    expect(hoursBetween('2025-10-21T09:15:00+02:00', autumn.deadlineAt)).toBe(169);
  });

  it('takes the earlier instant when the local time occurs twice (autumn, 02:30 on 26 Oct 2025)', () => {
    // 02:30 local on 2025-10-23 (+02:00) + 3 days = 02:30 on 2025-10-26, which happens at +02:00 and again at +01:00.
    const { deadlineAt } = deadlineFor({ receivedAt: '2025-10-23T02:30:00+02:00', urgent: true, access: 'indirect', timeZone: 'Europe/Stockholm' });
    same(deadlineAt, '2025-10-26T02:30:00+02:00');
    expect(deadlineAt).toBe('2025-10-26T00:30:00.000Z');
    // And the second 02:30 as the receipt counts from its own wall-clock time.
    const second = deadlineFor({ receivedAt: '2025-10-26T02:30:00+01:00', urgent: true, access: 'indirect', timeZone: 'Europe/Copenhagen' });
    same(second.deadlineAt, '2025-10-29T02:30:00+01:00');
  });

  it('takes the first valid instant after a local time that does not exist (spring gap, 02:30 on 30 Mar 2025)', () => {
    const { deadlineAt } = deadlineFor({ receivedAt: '2025-03-27T02:30:00+01:00', urgent: true, access: 'indirect', timeZone: 'Europe/Copenhagen' });
    // 02:00-02:59 does not exist that night: the clocks jump to 03:00 (+02:00) at 01:00Z.
    expect(deadlineAt).toBe('2025-03-30T01:00:00.000Z');
    same(deadlineAt, '2025-03-30T03:00:00+02:00');
  });

  it('keeps seconds and milliseconds of the receipt', () => {
    expect(deadlineFor({ receivedAt: '2025-06-02T08:00:12.345+02:00', urgent: false, access: 'direct', timeZone: 'Europe/Stockholm' }).deadlineAt)
      .toBe('2025-06-09T06:00:12.345Z');
  });

  it('counts in any zone the runtime knows, including one without DST', () => {
    expect(deadlineFor({ receivedAt: '2025-03-28T10:00:00Z', urgent: true, access: 'indirect', timeZone: 'UTC' }).deadlineAt)
      .toBe('2025-03-31T10:00:00.000Z');
    expect(addCalendarDays(Date.parse('2025-12-30T12:00:00Z'), 3, 'Atlantic/Reykjavik')).toBe(Date.parse('2026-01-02T12:00:00Z'));
  });

  it.each(['Europe/Malmo', 'Mars/Olympus', '', '   ', 42, undefined])('refuses the zone %p as INVALID_TIME_ZONE', (timeZone) => {
    let thrown: unknown;
    try {
      deadlineFor({ receivedAt: '2025-03-28T10:00:00Z', urgent: false, access: 'direct', timeZone: timeZone as string });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('INVALID_TIME_ZONE');
    expect((thrown as DomainError).field).toBe('timeZone');
  });

  it('canonicalises a zone\'s spelling', () => {
    expect(requireTimeZone('europe/stockholm')).toBe('Europe/Stockholm');
  });

  it('refuses a receipt without an offset', () => {
    expect(() => deadlineFor({ receivedAt: '2025-03-28T10:00:00', urgent: false, access: 'direct', timeZone: 'Europe/Stockholm' }))
      .toThrow(expect.objectContaining({ code: 'INVALID_TIMESTAMP' }) as unknown as Error);
  });
});

describe('shiftDeadline', () => {
  const deadline = '2025-05-15T10:00:00.000Z';

  it('moves the deadline by the elapsed time the clock stood still', () => {
    expect(shiftDeadline(deadline, '2025-05-13T10:00:00Z', '2025-05-14T16:30:00Z')).toBe('2025-05-16T16:30:00.000Z');
  });

  it('moves it by elapsed time even across a DST change (the pause is 25 h of real time)', () => {
    expect(shiftDeadline('2025-10-28T10:00:00Z', '2025-10-25T12:00:00+02:00', '2025-10-26T12:00:00+01:00')).toBe('2025-10-29T11:00:00.000Z');
  });

  it('moves nothing for a pause that starts at or after the deadline (the limit was already missed)', () => {
    expect(shiftDeadline(deadline, deadline, '2025-05-20T10:00:00Z')).toBe(deadline);
    expect(shiftDeadline(deadline, '2025-05-16T10:00:00Z', '2025-05-20T10:00:00Z')).toBe(deadline);
  });

  it('moves nothing for an empty or reversed pause, and writes UTC', () => {
    expect(shiftDeadline('2025-05-15T12:00:00+02:00', '2025-05-13T10:00:00Z', '2025-05-13T10:00:00Z')).toBe(deadline);
    expect(shiftDeadline(deadline, '2025-05-13T10:00:00Z', '2025-05-12T10:00:00Z')).toBe(deadline);
  });

  it('throws a plain Error on something that is not an instant (a bug upstream)', () => {
    expect(() => shiftDeadline('soon', deadline, deadline)).toThrow(/shiftDeadline/);
  });
});
