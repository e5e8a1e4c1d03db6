/**
 * The address of the Requests, Deadlines and Statistics views (url-state.ts's readParams/withParams):
 * what each parameter may hold, and the API query it stands for. Anything unknown falls back to the
 * default, so a mistyped link shows the default view rather than a 400.
 */
import { DEADLINE_BUCKETS, DEADLINE_KINDS, REQUEST_STATUSES } from '../api/request-types';
import { readParams } from '../nav/url-state';

const COUNTRY = /^[A-Z]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = (v: string, allowed: readonly string[]) => (allowed.includes(v) ? v : '');

/** `/requests?direction=outgoing&status=&urgency=urgent|not_urgent&country=DK&overdue=1&case=<uuid>&page=` */
export const REQUEST_DEFAULTS = { direction: 'incoming', status: '', urgency: '', country: '', overdue: '', case: '', page: '' };
export type RequestFilters = typeof REQUEST_DEFAULTS;

export function parseRequestFilters(search: string): RequestFilters {
  const p = readParams(search, REQUEST_DEFAULTS);
  return {
    direction: p.direction === 'outgoing' ? 'outgoing' : 'incoming',
    status: oneOf(p.status, REQUEST_STATUSES),
    urgency: oneOf(p.urgency, ['urgent', 'not_urgent']),
    country: COUNTRY.test(p.country) ? p.country : '',
    overdue: p.overdue === '1' ? '1' : '',
    case: UUID.test(p.case) ? p.case.toLowerCase() : '',
    page: p.page,
  };
}

/** The register's query parameters (GET /api/v1/information-requests) for these filters. */
export function registerQuery(f: RequestFilters, cursor?: string, limit = 25): Record<string, string | number | boolean | undefined> {
  return {
    direction: f.direction,
    status: f.status || undefined,
    urgent: f.urgency === 'urgent' ? true : f.urgency === 'not_urgent' ? false : undefined,
    country: f.country || undefined,
    overdueOnly: f.overdue === '1' ? true : undefined,
    caseId: f.case || undefined,
    limit,
    cursor,
  };
}

/** `/deadlines?kind=custody_review&bucket=overdue&page=` */
export const DEADLINE_DEFAULTS = { kind: '', bucket: '', page: '' };
export type DeadlineFilters = typeof DEADLINE_DEFAULTS;

export function parseDeadlineFilters(search: string): DeadlineFilters {
  const p = readParams(search, DEADLINE_DEFAULTS);
  return { kind: oneOf(p.kind, DEADLINE_KINDS), bucket: oneOf(p.bucket, DEADLINE_BUCKETS), page: p.page };
}

/** The first year the directive's statistics can cover (the API refuses earlier years). */
export const FIRST_STATISTICS_YEAR = 2023;

/** `/statistics?year=2025&country=DK` (country: the other country of the exchange; '' = all). */
export const statisticsDefaults = (now: Date) => ({ year: String(now.getUTCFullYear()), country: '' });
export type StatisticsFilters = ReturnType<typeof statisticsDefaults>;

export function parseStatisticsFilters(search: string, now: Date): StatisticsFilters {
  const defaults = statisticsDefaults(now);
  const p = readParams(search, defaults);
  const year = Number(p.year);
  const ok = /^\d{4}$/.test(p.year) && year >= FIRST_STATISTICS_YEAR && year <= now.getUTCFullYear();
  return { year: ok ? p.year : defaults.year, country: COUNTRY.test(p.country) ? p.country : '' };
}

/** Every year the statistics can be asked for, newest first. */
export function statisticsYears(now: Date): string[] {
  const years: string[] = [];
  for (let y = now.getUTCFullYear(); y >= FIRST_STATISTICS_YEAR; y--) years.push(String(y));
  return years;
}
