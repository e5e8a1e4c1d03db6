import type Database from 'better-sqlite3';
import { visibleTo, type Viewer } from '../../access/access-policy.js';
import { addFilter, prepared, utcParam, viewerParams } from '../shared/read-model-helpers.js';
import { excludeRestricted, type RestrictionOption } from '../shared/restrictions.js';
import { canonicalMs, SLOT_MS } from './over-time-counters.js';

export interface DetentionBucket {
  /** Bucket start (UTC ISO). */
  at: string;
  /** Detentions open at the instant `at` (detained at or before it, not ended at or before it). */
  open: number;
  /** Detentions that started within [at, next bucket's at). */
  started: number;
}

const DAY_MS = 86_400_000;
export const MAX_BUCKETS = 1000;

export type OverTimeOptions = { from: string; to: string; bucket: 'day' | 'week'; holdingCountry?: string } & RestrictionOption;

interface Range { from: number; step: number; count: number }

/**
 * For charts: buckets start at `from` and step a day or a week (7 × 24 h) while <= `to`. Answered from
 * the viewer country's hour counters (ADR 29) when every bucket edge is a whole UTC hour (as the web
 * app's zone-aligned weeks are in every zone with a whole-hour offset), no holding country is asked
 * for and the viewer sees no odd row; otherwise by binning the visible detentions (`binnedFromRows`).
 * Both give the same answer (detentions-over-time.int.spec.ts).
 */
export function detentionsOverTime(db: Database.Database, viewer: Viewer, options: OverTimeOptions): DetentionBucket[] {
  return overTimeFromCounters(db, viewer, options) ?? binnedFromRows(db, viewer, options);
}

function rangeOf(options: OverTimeOptions): Range {
  const from = Date.parse(utcParam(options.from, 'from'));
  const to = Date.parse(utcParam(options.to, 'to'));
  const step = options.bucket === 'week' ? 7 * DAY_MS : DAY_MS;
  const count = Math.floor((to - from) / step) + 1;
  if (count > MAX_BUCKETS) throw new RangeError(`At most ${MAX_BUCKETS} buckets, asked for ${count}`);
  return { from, step, count };
}

/** Running open counts from per-bucket openings and endings ("at or before each start"). */
function buckets({ from, step, count }: Range, started: number[], open: (i: number) => number): DetentionBucket[] {
  return Array.from({ length: count }, (_, i) => ({ at: new Date(from + i * step).toISOString(), open: open(i), started: started[i] }));
}

/**
 * From dr_ot_slots: per bucket i the starts and ends in its slots and those exactly at its edge; open
 * at the first edge is (not ended now) − (started after it) + (ended after it), each next edge adds
 * what started and subtracts what ended in (previous edge, edge]. Undefined when the counters cannot
 * answer exactly.
 */
export function overTimeFromCounters(db: Database.Database, viewer: Viewer, options: OverTimeOptions): DetentionBucket[] | undefined {
  const range = rangeOf(options);
  const { from, step, count } = range;
  if (count < 1) return [];
  const end = from + count * step;
  if (options.holdingCountry !== undefined || from % SLOT_MS !== 0 || step % SLOT_MS !== 0) return undefined;
  // Edges outside the canonical years would not compare as the stored strings do.
  if (canonicalMs(new Date(from).toISOString()) === undefined || canonicalMs(new Date(end).toISOString()) === undefined) return undefined;
  const params = { ...viewerParams(viewer), fromSlot: from / SLOT_MS, k: step / SLOT_MS, endSlot: end / SLOT_MS, x: options.includeRestricted ? 0 : 1 };
  const { open: notEnded, odd } = (prepared(db, 'SELECT open - @x * restricted AS open, odd FROM dr_ot_open WHERE viewer = @viewerCountry')
    .get(params) as { open: number; odd: number } | undefined) ?? { open: 0, odd: 0 };
  if (odd > 0) return undefined;
  const rows = prepared(db, `SELECT CASE WHEN slot >= CAST(@endSlot AS INTEGER) THEN -1
        ELSE (slot - CAST(@fromSlot AS INTEGER)) / CAST(@k AS INTEGER) END AS i,
      sum(s_in - @x * rs_in), sum(e_in - @x * re_in),
      sum(CASE WHEN (slot - CAST(@fromSlot AS INTEGER)) % CAST(@k AS INTEGER) = 0 THEN s_at - @x * rs_at ELSE 0 END),
      sum(CASE WHEN (slot - CAST(@fromSlot AS INTEGER)) % CAST(@k AS INTEGER) = 0 THEN e_at - @x * re_at ELSE 0 END)
    FROM dr_ot_slots WHERE viewer = @viewerCountry AND slot >= CAST(@fromSlot AS INTEGER) GROUP BY i`).raw(true).all(params) as number[][];
  const zero = () => new Array<number>(count).fill(0);
  const [sIn, eIn, sAt, eAt] = [zero(), zero(), zero(), zero()];
  let after = 0; // (started after the first edge) − (ended after it)
  for (const [i, s, e, sa, ea] of rows) {
    after += s - e;
    if (i < 0) continue;
    sIn[i] = s; eIn[i] = e; sAt[i] = sa; eAt[i] = ea;
  }
  after -= sAt[0] - eAt[0];
  let open = notEnded - after;
  return buckets(range, sIn, (i) => {
    if (i > 0) open += (sIn[i - 1] - sAt[i - 1] + sAt[i]) - (eIn[i - 1] - eAt[i - 1] + eAt[i]);
    return open;
  });
}

/**
 * One SQL statement bins the visible detentions overlapping the range (ADR 27): per bucket, how many
 * became open by its start (the first bucket starting at or after the detention), how many ended by
 * it, and how many started within it; the open counts are running sums over at most MAX_BUCKETS
 * buckets. No row reaches JavaScript, so the cost is SQLite's scan of the visible detentions.
 */
export function binnedFromRows(db: Database.Database, viewer: Viewer, options: OverTimeOptions): DetentionBucket[] {
  const range = rangeOf(options);
  const { from, step, count } = range;
  if (count < 1) return [];
  const end = new Date(from + count * step).toISOString();
  const where = ['d.detained_at < @end', '(d.ended_at IS NULL OR d.ended_at > @from)', visibleTo('d')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), end, from: new Date(from).toISOString(), fromMs: from, step };
  addFilter(where, params, options.holdingCountry, 'd.holding_country = @holdingCountry', 'holdingCountry');
  excludeRestricted(where, 'd', options);
  // Milliseconds since `from`, exact: unixepoch's 'subsec' keeps the stored instants' milliseconds.
  const ms = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER) - CAST(@fromMs AS INTEGER)`;
  const firstAtOrAfter = (x: string) => `CASE WHEN ${x} <= 0 THEN 0 ELSE (${x} + CAST(@step AS INTEGER) - 1) / CAST(@step AS INTEGER) END`;
  const rows = prepared(db, `WITH r AS MATERIALIZED (SELECT ${ms('d.detained_at')} AS s, ${ms('d.ended_at')} AS e
      FROM dr_detentions d WHERE ${where.join(' AND ')})
    SELECT 0, ${firstAtOrAfter('s')} AS i, count(*) FROM r GROUP BY i
    UNION ALL SELECT 1, ${firstAtOrAfter('e')} AS i, count(*) FROM r WHERE e IS NOT NULL GROUP BY i
    UNION ALL SELECT 2, s / CAST(@step AS INTEGER) AS i, count(*) FROM r WHERE s >= 0 GROUP BY i`).raw(true).all(params) as [0 | 1 | 2, number | null, number][];
  const bins = [0, 1, 2].map(() => new Array<number>(count).fill(0));
  for (const [kind, i, n] of rows) if (i !== null && i < count) bins[kind][i] += n;
  let opened = 0;
  let ended = 0;
  return buckets(range, bins[2], (i) => {
    opened += bins[0][i];
    ended += bins[1][i];
    return opened - ended;
  });
}
