// The catalogued queries the requests bench times: the deadlines board of two viewer countries (the one
// that sees the largest share of the deadlines and the one that sees the smallest), each as a default
// page, one bucket and one kinds filter, and the Art. 18 statistics of a year (viewer countries rotated).
import type { DeadlineBucket, DeadlineKind } from '@liaison/projections';

export interface BoardAsk {
  query: 'deadlines';
  name: string;
  country: string;
  bucket?: DeadlineBucket;
  kinds?: DeadlineKind[];
}

export interface StatisticsAsk {
  query: 'statistics';
  name: string;
  country: string;
  year: number;
}

export type Ask = BoardAsk | StatisticsAsk;

/** A viewer country and the share of the board's items it sees. */
export interface Viewer {
  country: string;
  share: number;
}

/** The series timed: three board variants per viewer, then the statistics. */
export function querySeries(viewers: readonly Viewer[], year: number): ((i: number) => Ask)[] {
  const boards = viewers.flatMap((v) => {
    const who = `${v.country} (sees ${Math.round(v.share * 100)}%)`;
    return [
      (): Ask => ({ query: 'deadlines', name: `deadlines ${who}, default page`, country: v.country }),
      (): Ask => ({ query: 'deadlines', name: `deadlines ${who}, bucket=overdue`, country: v.country, bucket: 'overdue' }),
      (): Ask => ({ query: 'deadlines', name: `deadlines ${who}, kind=custody_review,extradition`, country: v.country, kinds: ['custody_review', 'extradition'] }),
    ];
  });
  const countries = viewers.map((v) => v.country);
  return [...boards, (i: number): Ask => ({ query: 'statistics', name: `statistics year=${year}`, country: countries[i % countries.length], year })];
}

/** The path and query string of an ask, in a fixed order. */
export function askPath(a: Ask): string {
  if (a.query === 'statistics') return `/api/v1/statistics/information-exchange?year=${a.year}`;
  const q = new URLSearchParams();
  if (a.bucket) q.set('bucket', a.bucket);
  if (a.kinds) q.set('kind', a.kinds.join(','));
  const s = q.toString();
  return `/api/v1/deadlines${s ? `?${s}` : ''}`;
}

/**
 * The most and the least seeing of the countries, by the share of board items each sees (items on
 * its board ÷ items on any board); one viewer when all see the same share.
 */
export function pickViewers(shares: readonly Viewer[]): Viewer[] {
  if (shares.length === 0) throw new Error('no viewer country has deadlines');
  const sorted = [...shares].sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  const most = sorted[0];
  const least = sorted[sorted.length - 1];
  return most.country === least.country ? [most] : [most, least];
}
