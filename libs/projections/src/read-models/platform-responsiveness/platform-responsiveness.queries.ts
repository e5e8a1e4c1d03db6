import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { addFilter, prepared, utcParam, viewerParams } from '../shared/read-model-helpers.js';
import { HOUR_MS } from '../shared/referral-events.js';
import { COUNTERS } from './platform-responsiveness.contribution.js';
import { FigureSum, type ResponsivenessFigures } from './responsiveness-figures.js';
import { decodeHistogram } from './removal-histogram.js';

export type { ResponsivenessFigures } from './responsiveness-figures.js';

export interface PlatformResponsivenessOptions {
  /** Months of referredAt (UTC), inclusive: 'YYYY-MM'. */
  from?: string;
  to?: string;
  platform?: string;
  basis?: string;
  /** ISO instant the unanswered shares are computed for; queries never read the clock. */
  now: string;
}

export interface PlatformResponsiveness {
  /** One row per platform and month with referrals the viewer may see; by platform, then month. */
  rows: (ResponsivenessFigures & { platform: string; month: string })[];
  /** Per platform over the whole period. */
  platformTotals: (ResponsivenessFigures & { platform: string })[];
  /** Per originating (first referring) country over the whole period and the platform filter. */
  byReferringCountry: (ResponsivenessFigures & { country: string })[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
function monthParam(value: string, name: string): string {
  if (!MONTH.test(value)) throw new RangeError(`${name} is not a month (YYYY-MM): ${value}`);
  return value;
}

type Cell = { month: string; platform: string; origin: string };

/**
 * Platform responsiveness over the referrals the viewer may see (referralVisibleTo, applied when the
 * projection counted them). Three indexed reads of the viewer's own pre-summed rows; the figures are
 * defined in responsiveness-figures.ts.
 */
export function platformResponsiveness(
  db: Database.Database, viewer: Viewer, options: PlatformResponsivenessOptions,
): PlatformResponsiveness {
  const now = Date.parse(utcParam(options.now, 'now'));
  const where = ['g.country = @viewerCountry'];
  const params: Record<string, unknown> = viewerParams(viewer);
  if (options.from) addFilter(where, params, monthParam(options.from, 'from'), 'g.month >= @from', 'from');
  if (options.to) addFilter(where, params, monthParam(options.to, 'to'), 'g.month <= @to', 'to');
  addFilter(where, params, options.platform, 'g.platform = @platform', 'platform');
  addFilter(where, params, options.basis, 'g.basis = @basis', 'basis');
  const filter = where.join(' AND ');
  const cells = prepared(db, `SELECT g.month, g.platform, g.origin, ${COUNTERS.map((c) => `SUM(g.${c}) AS ${c}`).join(', ')}
    FROM pr_groups g WHERE ${filter} GROUP BY g.month, g.platform, g.origin`).raw().all(params) as (string | number)[][];
  // One histogram per group (removal-histogram.ts): the rows read are the viewer's groups, not its removals.
  const ttr = prepared(db, `SELECT g.month, g.platform, g.origin, g.hist FROM pr_ttr g WHERE ${filter}`)
    .raw().all(params) as [string, string, string, Buffer][];
  // Pending referrals sent in the last 7 days (by sent hour): those after the 24 h cut are summed apart.
  const cut24 = Math.floor((now - 24 * HOUR_MS) / HOUR_MS);
  const cut7d = Math.floor((now - 7 * 24 * HOUR_MS) / HOUR_MS);
  const pending = prepared(db, `SELECT g.month, g.platform, g.origin, SUM(CASE WHEN g.sent_hour > @cut24 THEN g.n ELSE 0 END),
      SUM(g.n) FROM pr_pending g WHERE ${filter} AND g.sent_hour > @cut7d GROUP BY g.month, g.platform, g.origin`)
    .raw().all({ ...params, cut24, cut7d }) as [string, string, string, number, number][];

  const rows = new Map<string, FigureSum>();
  const totals = new Map<string, FigureSum>();
  const countries = new Map<string, FigureSum>();
  const sumsOf = (cell: Cell): FigureSum[] => [
    sumFor(rows, `${cell.platform}\u0000${cell.month}`), sumFor(totals, cell.platform), sumFor(countries, cell.origin),
  ];
  for (const [month, platform, origin, ...counters] of cells) {
    for (const s of sumsOf({ month: month as string, platform: platform as string, origin: origin as string })) s.addCounters(counters as number[]);
  }
  for (const [month, platform, origin, hist] of ttr) {
    const pairs = decodeHistogram(hist);
    for (const s of sumsOf({ month, platform, origin })) s.addHistogram(pairs);
  }
  for (const [month, platform, origin, after24, after7d] of pending) {
    for (const s of sumsOf({ month, platform, origin })) s.addRecentPending(after24, after7d);
  }
  const sorted = <T>(m: Map<string, FigureSum>, label: (k: string) => T) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, s]) => ({ ...label(k), ...s.figures() }));
  return {
    rows: sorted(rows, (k) => { const [platform, month] = k.split('\u0000'); return { platform, month }; }),
    platformTotals: sorted(totals, (platform) => ({ platform })),
    byReferringCountry: sorted(countries, (country) => ({ country })),
  };
}

function sumFor(map: Map<string, FigureSum>, key: string): FigureSum {
  let s = map.get(key);
  if (!s) map.set(key, (s = new FigureSum()));
  return s;
}
