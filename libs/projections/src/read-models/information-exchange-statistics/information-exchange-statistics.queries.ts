import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { prepared } from '../shared/read-model-helpers.js';
import { REFUSAL_GROUND_CODES } from '../shared/information-request-clock.js';

export interface UrgencySplit {
  urgent: number;
  notUrgent: number;
  /** urgent + notUrgent. */
  total: number;
}

export type CountryUrgencySplit = { country: string } & UrgencySplit;

/**
 * Directive (EU) 2023/977 Art. 18(2) figures of one reporting country for one year (the UTC year of
 * receipt; see the projection for every definition). A stable shape: every field is always present,
 * lists by country are sorted by country code and list only countries with a non-zero count,
 * `refused.byGround` always lists the eight Art. 6(1) grounds a–h in that order (zeros included).
 *
 * {
 *   year, country,
 *   submitted:  { urgent, notUrgent, total, byRequestedCountry:  [{ country, urgent, notUrgent, total }] },  // Art. 18(2)(a)
 *   received:   { urgent, notUrgent, total, byRequestingCountry: [{ country, urgent, notUrgent, total }] },  // Art. 18(2)(b)
 *   answered:   { urgent, notUrgent, total, byRequestingCountry: [{ country, urgent, notUrgent, total }] },  // Art. 18(2)(b)
 *   refused:    { total, byRequestingCountry: [{ country, count }], byGround: [{ ground: 'a'…'h', count }] }, // Art. 18(2)(c)
 *   deviations: { total, byRequestingCountry: [{ country, count }] },                                         // Art. 18(2)(d)
 * }
 */
export interface InformationExchangeStatistics {
  year: number;
  /** The reporting country (the viewer's). */
  country: string;
  submitted: UrgencySplit & { byRequestedCountry: CountryUrgencySplit[] };
  received: UrgencySplit & { byRequestingCountry: CountryUrgencySplit[] };
  answered: UrgencySplit & { byRequestingCountry: CountryUrgencySplit[] };
  refused: { total: number; byRequestingCountry: { country: string; count: number }[]; byGround: { ground: string; count: number }[] };
  deviations: { total: number; byRequestingCountry: { country: string; count: number }[] };
}

type Row = { figure: string; urgency: 'urgent' | 'not_urgent'; other: string; ground: string; n: number };

function split(rows: Row[], figure: string): UrgencySplit & { byCountry: CountryUrgencySplit[] } {
  const total: UrgencySplit = { urgent: 0, notUrgent: 0, total: 0 };
  const byCountry = new Map<string, CountryUrgencySplit>();
  for (const r of rows) {
    if (r.figure !== figure) continue;
    let c = byCountry.get(r.other);
    if (!c) byCountry.set(r.other, (c = { country: r.other, urgent: 0, notUrgent: 0, total: 0 }));
    for (const s of [total, c]) {
      if (r.urgency === 'urgent') s.urgent += r.n;
      else s.notUrgent += r.n;
      s.total += r.n;
    }
  }
  return { ...total, byCountry: [...byCountry.values()].sort((a, b) => (a.country < b.country ? -1 : 1)) };
}

const counted = (s: CountryUrgencySplit[]): { country: string; count: number }[] => s.map((c) => ({ country: c.country, count: c.total }));

/** The viewer country's own Art. 18(2) figures for `year` (no personal data; reads its few counter rows). */
export function informationExchangeStatistics(
  db: Database.Database, viewer: Viewer, options: { year: number },
): InformationExchangeStatistics {
  const { year } = options;
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new RangeError(`year must be a calendar year, got ${year}`);
  const rows = prepared(db, `SELECT figure, urgency, other_country AS other, ground, n FROM xs_counts
    WHERE country = ? AND year = ? ORDER BY figure, other_country, urgency, ground`).all(viewer.country, year) as Row[];
  const submitted = split(rows, 'submitted');
  const received = split(rows, 'received');
  const answered = split(rows, 'answered');
  const refused = split(rows, 'refused');
  const deviations = split(rows, 'deviation');
  const grounds = new Map<string, number>(REFUSAL_GROUND_CODES.map((g) => [g, 0]));
  for (const r of rows) if (r.figure === 'refusal_ground') grounds.set(r.ground, (grounds.get(r.ground) ?? 0) + r.n);
  const strip = ({ byCountry: _b, ...s }: UrgencySplit & { byCountry: unknown }): UrgencySplit => s;
  return {
    year, country: viewer.country,
    submitted: { ...strip(submitted), byRequestedCountry: submitted.byCountry },
    received: { ...strip(received), byRequestingCountry: received.byCountry },
    answered: { ...strip(answered), byRequestingCountry: answered.byCountry },
    refused: { total: refused.total, byRequestingCountry: counted(refused.byCountry),
      byGround: [...grounds.entries()].map(([ground, count]) => ({ ground, count })) },
    deviations: { total: deviations.total, byRequestingCountry: counted(deviations.byCountry) },
  };
}

/**
 * CSV export layout (stable; the first row is the header):
 *   year, reporting_country, figure, other_country, urgency, ground, count
 * - figure: submitted | received | answered | refused | refusal_ground | deviation (in this order);
 * - other_country: '' for a total row, else the requested (submitted) or requesting (all others) country;
 * - urgency: urgent | not_urgent | all for submitted, received and answered; all for the others;
 * - ground: the Art. 6(1) letter a–h for refusal_ground rows (all eight, zeros included), else ''.
 * Within a figure: the total rows first, then one group per country in country-code order; within a
 * group the urgency order urgent, not_urgent, all.
 */
export const STATISTICS_CSV_HEADER = ['year', 'reporting_country', 'figure', 'other_country', 'urgency', 'ground', 'count'] as const;

export function statisticsCsvRows(stats: InformationExchangeStatistics): (string | number)[][] {
  const out: (string | number)[][] = [[...STATISTICS_CSV_HEADER]];
  const row = (figure: string, other: string, urgency: string, ground: string, count: number) =>
    out.push([stats.year, stats.country, figure, other, urgency, ground, count]);
  const bySplit = (figure: string, s: UrgencySplit, byCountry: CountryUrgencySplit[]) => {
    for (const [other, v] of [['', s] as const, ...byCountry.map((c) => [c.country, c] as const)]) {
      row(figure, other, 'urgent', '', v.urgent);
      row(figure, other, 'not_urgent', '', v.notUrgent);
      row(figure, other, 'all', '', v.total);
    }
  };
  bySplit('submitted', stats.submitted, stats.submitted.byRequestedCountry);
  bySplit('received', stats.received, stats.received.byRequestingCountry);
  bySplit('answered', stats.answered, stats.answered.byRequestingCountry);
  row('refused', '', 'all', '', stats.refused.total);
  for (const c of stats.refused.byRequestingCountry) row('refused', c.country, 'all', '', c.count);
  for (const g of stats.refused.byGround) row('refusal_ground', '', 'all', g.ground, g.count);
  row('deviation', '', 'all', '', stats.deviations.total);
  for (const c of stats.deviations.byRequestingCountry) row('deviation', c.country, 'all', '', c.count);
  return out;
}
