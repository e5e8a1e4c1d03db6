import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { addFilter, prepared, utcParam, viewerParams } from '../shared/read-model-helpers.js';
import { HOUR_MS } from '../shared/referral-events.js';
import { FigureSum, type ResponsivenessFigures } from './responsiveness-figures.js';
import { cellData, forEachSubCell, parseLabels, type CellLabels } from './responsiveness-cell.js';

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

/**
 * Platform responsiveness over the referrals the viewer may see (referralVisibleTo, applied when the
 * projection counted them). One indexed read of the viewer's own rows, one per (platform, month)
 * (responsiveness-cell.ts), summed here; the figures are defined in responsiveness-figures.ts.
 */
export function platformResponsiveness(
  db: Database.Database, viewer: Viewer, options: PlatformResponsivenessOptions,
): PlatformResponsiveness {
  const now = Date.parse(utcParam(options.now, 'now'));
  const where = ['country = @viewerCountry'];
  const params: Record<string, unknown> = viewerParams(viewer);
  if (options.from) addFilter(where, params, monthParam(options.from, 'from'), 'month >= @from', 'from');
  if (options.to) addFilter(where, params, monthParam(options.to, 'to'), 'month <= @to', 'to');
  addFilter(where, params, options.platform, 'platform = @platform', 'platform');
  const cells = prepared(db, `SELECT platform, month, labels, data FROM pr_cells WHERE ${where.join(' AND ')} ORDER BY platform, month`)
    .raw().all(params) as [string, string, string, Buffer][];
  // Pending referrals are known by sent hour: those sent after the 24 h / 7 d cut are not yet due an answer.
  const cut24 = Math.floor((now - 24 * HOUR_MS) / HOUR_MS);
  const cut7d = Math.floor((now - 7 * 24 * HOUR_MS) / HOUR_MS);
  const basis = options.basis;
  // Most rows have the same sub-cells (origin × basis): their labels are parsed once per answer.
  const labelsSeen = new Map<string, CellLabels>();
  const rows: PlatformResponsiveness['rows'] = [];
  const totals = new Map<string, FigureSum>();
  const countries = new Map<string, FigureSum>();
  const row = new FigureSum();
  for (const [platform, month, labels, blob] of cells) {
    let subs = labelsSeen.get(labels);
    if (!subs) labelsSeen.set(labels, (subs = parseLabels(labels)));
    const data = cellData(blob);
    row.reset();
    forEachSubCell(subs, data, (origin, subBasis, at) => {
      if (basis !== undefined && subBasis !== basis) return;
      // Pairs are sorted by sent hour: walk back from the latest while they are after the 7 d cut.
      let after24 = 0;
      let after7d = 0;
      for (let i = at.pendingEnd - 2; i >= at.pending && data[i] > cut7d; i -= 2) {
        after7d += data[i + 1];
        if (data[i] > cut24) after24 += data[i + 1];
      }
      for (const s of [row, sumFor(countries, origin)]) {
        s.addCounters(data, at.counters);
        s.addHistogram(data, at.ttr, at.ttrEnd);
        s.addRecentPending(after24, after7d);
      }
    });
    if (row.isEmpty()) continue;
    rows.push(row.figures({ platform, month }));
    sumFor(totals, platform).addSum(row);
  }
  const sorted = <L extends Record<string, string>>(m: Map<string, FigureSum>, label: (k: string) => L) =>
    [...m.entries()].filter(([, s]) => !s.isEmpty()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, s]) => s.figures(label(k)));
  return {
    rows,
    platformTotals: sorted(totals, (platform) => ({ platform })),
    byReferringCountry: sorted(countries, (country) => ({ country })),
  };
}
function sumFor(map: Map<string, FigureSum>, key: string): FigureSum {
  let s = map.get(key);
  if (!s) map.set(key, (s = new FigureSum()));
  return s;
}
