import { describe, expect, it } from '@jest/globals';
import { countdown, formatSpan } from './countdown';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('countdown', () => {
  it('counts seconds under a day and hours from a day on', () => {
    expect(formatSpan(9 * S)).toBe('0 min 09 s');
    expect(formatSpan(5 * MIN + 9 * S)).toBe('5 min 09 s');
    expect(formatSpan(6 * H + 5 * MIN + 9 * S + 999)).toBe('6 h 05 min 09 s');
    expect(formatSpan(D - S)).toBe('23 h 59 min 59 s');
    expect(formatSpan(D)).toBe('1 day 0 h');
    expect(formatSpan(2 * D + 3 * H + 59 * MIN)).toBe('2 days 3 h');
  });

  it('says what is left before the deadline, and by how much it is overdue after it (as the API: overdue once past)', () => {
    const deadline = Date.parse('2026-12-07T04:00:00Z');
    expect(countdown(deadline, deadline - (7 * H + 30 * S))).toEqual({ overdue: false, text: '7 h 00 min 30 s left' });
    expect(countdown(deadline, deadline)).toEqual({ overdue: false, text: '0 min 00 s left' });
    expect(countdown(deadline, deadline + 1)).toEqual({ overdue: true, text: 'overdue by 0 min 00 s' });
    expect(countdown(deadline, deadline + 5 * D + 2 * H)).toEqual({ overdue: true, text: 'overdue by 5 days 2 h' });
  });
});
