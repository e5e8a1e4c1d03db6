import { describe, expect, it } from '@jest/globals';
import { withParams } from '../nav/url-state';
import {
  parseDeadlineFilters, parseRequestFilters, parseStatisticsFilters, REQUEST_DEFAULTS, registerQuery, statisticsYears,
} from './query';

const CASE = '0d9f6c2e-5b7a-4c1e-9a3b-2f4d6e8a0b1c';

describe('view addresses', () => {
  it('reads the Requests filters, falls back on anything unknown, and round-trips', () => {
    expect(parseRequestFilters('')).toEqual(REQUEST_DEFAULTS);
    const f = parseRequestFilters(`?direction=outgoing&status=refused&urgency=urgent&country=DK&overdue=1&case=${CASE.toUpperCase()}&page=c1`);
    expect(f).toEqual({ direction: 'outgoing', status: 'refused', urgency: 'urgent', country: 'DK', overdue: '1', case: CASE, page: 'c1' });
    expect(parseRequestFilters('?direction=sideways&status=lost&urgency=maybe&country=Denmark&overdue=yes&case=42')).toEqual(REQUEST_DEFAULTS);
    const href = withParams('/requests', f, REQUEST_DEFAULTS);
    expect(parseRequestFilters(href.slice(href.indexOf('?')))).toEqual(f);
    expect(withParams('/requests', REQUEST_DEFAULTS, REQUEST_DEFAULTS)).toBe('/requests');
  });

  it('turns the filters into the register query the API takes', () => {
    expect(registerQuery(REQUEST_DEFAULTS)).toEqual({
      direction: 'incoming', status: undefined, urgent: undefined, country: undefined, overdueOnly: undefined, caseId: undefined, limit: 25, cursor: undefined,
    });
    expect(registerQuery({ ...REQUEST_DEFAULTS, urgency: 'not_urgent', overdue: '1', case: CASE, country: 'SE' }, 'next', 10))
      .toMatchObject({ urgent: false, overdueOnly: true, caseId: CASE, country: 'SE', limit: 10, cursor: 'next' });
    expect(registerQuery({ ...REQUEST_DEFAULTS, urgency: 'urgent' }).urgent).toBe(true);
  });

  it('reads the board filters as the API names kinds and buckets', () => {
    expect(parseDeadlineFilters('?kind=custody_review&bucket=next_8h')).toEqual({ kind: 'custody_review', bucket: 'next_8h', page: '' });
    expect(parseDeadlineFilters('?kind=parking&bucket=soon')).toEqual({ kind: '', bucket: '', page: '' });
  });

  it('offers the years from 2023 to this one, and keeps the year in that range', () => {
    const now = new Date('2026-12-06T21:00:00Z');
    expect(statisticsYears(now)).toEqual(['2026', '2025', '2024', '2023']);
    expect(parseStatisticsFilters('', now)).toEqual({ year: '2026', country: '' });
    expect(parseStatisticsFilters('?year=2024&country=DK', now)).toEqual({ year: '2024', country: 'DK' });
    expect(parseStatisticsFilters('?year=2022', now).year).toBe('2026');
    expect(parseStatisticsFilters('?year=2027&country=dk', now)).toEqual({ year: '2026', country: '' });
  });
});
