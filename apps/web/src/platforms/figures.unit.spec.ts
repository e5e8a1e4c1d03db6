import { describe, expect, it } from '@jest/globals';
import type { PlatformFigures } from '../api/referral-types';
import {
  COLUMNS, cellText, defaultPeriod, formatHours, formatShare, nonResponding, overdueBy, parsePlatformQuery, periodLabel,
  platformQueryString, tableCsvRows,
} from './figures';

const figures = (platform: string, over: Partial<PlatformFigures> = {}): PlatformFigures => ({
  platform, referred: 10, sent: 8, removed: 6, removalRate: 0.75, medianHoursToRemoval: 5, p90HoursToRemoval: 30,
  unansweredAfter24hShare: 0.25, unansweredAfter7dShare: 0.125, ordersSent: 3, ordersWithin1hShare: 2 / 3, reuploadRate: 1 / 6,
  declined: 1, geoBlocked: 0, noResponse: 0, ...over,
});
const NOW = new Date('2026-03-15T12:00:00Z');

describe('formats', () => {
  it('shares as whole percent, hours as given, and a dash for "nothing to divide by"', () => {
    expect([formatShare(0.125), formatShare(2 / 3), formatShare(1), formatShare(0), formatShare(null)]).toEqual(['13%', '67%', '100%', '0%', '—']);
    expect([formatHours(0), formatHours(41), formatHours(null)]).toEqual(['0 h', '41 h', '—']);
  });

  it('says how long a deadline is past', () => {
    const now = Date.parse('2026-03-15T12:00:00Z');
    expect(overdueBy('2026-03-15T11:20:00Z', now)).toBe('40 min');
    expect(overdueBy('2026-03-15T07:00:00Z', now)).toBe('5 h');
    expect(overdueBy('2026-03-12T07:00:00Z', now)).toBe('3 d 5 h');
    expect(overdueBy('2026-03-16T07:00:00Z', now)).toBe('0 min');
  });
});

describe('period in the query string', () => {
  it('defaults to the last twelve months, across a year boundary', () => {
    expect(defaultPeriod(NOW)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(defaultPeriod(new Date('2026-12-31T23:59:59Z'))).toEqual({ from: '2026-01', to: '2026-12' });
    expect(parsePlatformQuery('', NOW)).toEqual({ from: '2025-04', to: '2026-03', basis: '' });
  });

  it('reads back what it writes, and ignores malformed values', () => {
    const q = { from: '2025-01', to: '2025-06', basis: 'removal_order' as const };
    expect(parsePlatformQuery(platformQueryString(q), NOW)).toEqual(q);
    expect(platformQueryString({ ...q, basis: '' })).toBe('from=2025-01&to=2025-06');
    expect(parsePlatformQuery('from=2025-13&to=junk&basis=rumour', NOW)).toEqual({ from: '2025-04', to: '2026-03', basis: '' });
    expect(parsePlatformQuery('from=2025-09&to=2025-02', NOW)).toMatchObject({ from: '2025-02', to: '2025-09' });
  });

  it('labels a period', () => {
    expect(periodLabel({ from: '2025-01', to: '2025-06' })).toBe('Jan 2025 – Jun 2025');
    expect(periodLabel({ from: '2025-01', to: '2025-01' })).toBe('Jan 2025');
  });
});

describe('non-responding platforms', () => {
  it('are those with at least half unanswered after 7 days, worst first; unknown shares are not accused', () => {
    const totals = [
      figures('tiktok'), figures('telegram', { unansweredAfter7dShare: 0.9 }), figures('x', { unansweredAfter7dShare: 0.5 }),
      figures('signal', { unansweredAfter7dShare: null, sent: 0 }),
    ];
    expect(nonResponding(totals).map((t) => t.platform)).toEqual(['telegram', 'x']);
  });
});

describe('table and CSV', () => {
  it('has the same rows and columns, with raw numbers in the CSV', () => {
    const totals = [figures('telegram', { removalRate: null, medianHoursToRemoval: null }), figures('tiktok')];
    const [header, ...rows] = tableCsvRows(totals, (p) => (p === 'tiktok' ? 'TikTok' : 'Telegram'));
    expect(header).toHaveLength(2 + COLUMNS.length);
    expect(header?.slice(0, 6)).toEqual(['Platform', 'Operator', 'Referred', 'Sent', 'Removed', 'Removal rate (%)']);
    expect(rows.map((r) => r[0])).toEqual(['Telegram', 'TikTok']);
    expect(rows[1]?.slice(2)).toEqual([10, 8, 6, 75, 5, 30, 25, 12.5, 3, 66.7, 16.7, 1, 0, 0]);
    expect(rows[0]?.[5]).toBeNull();
    expect(COLUMNS.map((c) => cellText(c, totals[1]!))).toEqual(['10', '8', '6', '75%', '5 h', '30 h', '25%', '13%', '3', '67%', '17%', '1', '0', '0']);
  });
});
