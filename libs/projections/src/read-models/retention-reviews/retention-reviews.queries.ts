import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { CASE_META_COLUMNS, clampLimit, prepared, utcParam, type CaseLabel } from '../shared/read-model-helpers.js';
import { restrictionColumns, restrictionOf, type RestrictionMarker } from '../shared/restrictions.js';

/**
 * Months from registration to the first review, per data-subject category, with per-country
 * overrides (country → category → months). Supplied by the application's configuration.
 */
export interface RetentionPolicy {
  defaults: Readonly<Record<string, number>>;
  byCountry: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface RetentionReview extends CaseLabel {
  caseTitle: string;
  personId: string;
  category: string;
  name: string | null;
  pseudonym: string | null;
  registeredAt: string;
  /** When the last review was recorded; null before the first. */
  reviewedAt: string | null;
  /** The last review's keepUntil, else registration + the policy's period. */
  reviewDueAt: string;
  status: 'due' | 'overdue';
  /** Present while processing is restricted (an overdue review restricts it automatically). */
  restriction?: RestrictionMarker;
}

export const RETENTION_DUE_WITHIN_DAYS = 30;

/** The policy as SQL rows (country '*' = default), bound as parameters, never spliced. */
function policyRows(policy: RetentionPolicy): { sql: string; params: (string | number)[] } {
  const rows: [string, string, number][] = [
    ...Object.entries(policy.defaults).map(([category, months]): [string, string, number] => ['*', category, months]),
    ...Object.entries(policy.byCountry).flatMap(([country, byCategory]) =>
      Object.entries(byCategory).map(([category, months]): [string, string, number] => [country, category, months])),
  ];
  if (rows.length === 0) throw new RangeError('The retention policy names no period');
  return { sql: rows.map(() => '(?,?,?)').join(','), params: rows.flat() };
}

/**
 * Per category the policy names, the index range of persons without a review on record who can be
 * due by `horizon`: those registered before a bound (SQL to add to the union, and its parameters).
 * Adding N months moves a date by at least 28 × N days, so the category's shortest period (in any
 * country) gives a bound every person of it due by then passes. Lets the query
 * skip, by index, everyone registered since (on a national log most persons), instead of computing
 * each one's date. No bound for a period under a month. A category the policy does not name is never due.
 */
function unreviewedRanges(policy: RetentionPolicy, horizon: string): { sql: string; params: Record<string, string> } {
  const shortest = new Map<string, number>();
  for (const byCategory of [policy.defaults, ...Object.values(policy.byCountry)]) {
    for (const [category, months] of Object.entries(byCategory)) shortest.set(category, Math.min(months, shortest.get(category) ?? Infinity));
  }
  const params: Record<string, string> = {};
  let sql = '';
  [...shortest].forEach(([category, months], i) => {
    params[`category${i}`] = category;
    params[`before${i}`] = !Number.isFinite(months) || months < 1 ? '9999-12-31T23:59:59.999Z'
      : new Date(Date.parse(horizon) - Math.floor(months) * 28 * 86_400_000).toISOString();
    sql += ` UNION ALL SELECT * FROM rr_persons WHERE keep_until IS NULL AND category = @category${i} AND registered_at < @before${i}`;
  });
  return { sql, params };
}

/**
 * Each person's review date, from the case owner's policy: the inner query every read below uses.
 * Persons come from index ranges (reviewed: keepUntil before the horizon; not reviewed: per category,
 * registered before its bound), a superset of those due, whose dates are then computed exactly. With
 * one range by registration only, SQLite's statistics made it scan case_meta and read each case's
 * persons by key instead, every person of the viewer's cases (38–69 ms at 100k persons, ADR 29); the
 * per-category ranges are chosen on their own, and the CROSS JOIN keeps them the outer loop regardless.
 */
function reviewsSql(policySql: string, where: string, unreviewed: string): string {
  return `WITH policy(country, category, months) AS (VALUES ${policySql})
    SELECT * FROM (SELECT p.case_id AS caseId, ${CASE_META_COLUMNS}, m.title AS caseTitle, m.owner_country AS ownerCountry,
      p.person_id AS personId, p.category, p.name, p.pseudonym, p.registered_at AS registeredAt, p.reviewed_at AS reviewedAt,
      COALESCE(p.keep_until, strftime('%Y-%m-%dT%H:%M:%fZ', p.registered_at, '+' || COALESCE(
        (SELECT months FROM policy WHERE country = m.owner_country AND category = p.category),
        (SELECT months FROM policy WHERE country = '*' AND category = p.category)) || ' months')) AS reviewDueAt,
      ${restrictionColumns('p')}
    FROM (SELECT * FROM rr_persons WHERE keep_until < @horizon${unreviewed}) p
    CROSS JOIN case_meta m ON m.case_id = p.case_id WHERE ${where})
    WHERE reviewDueAt < @horizon ORDER BY reviewDueAt, caseId, personId LIMIT @limit`;
}

type Row = Omit<RetentionReview, 'status' | 'restriction'> & { ownerCountry: string; restrictionGround: string | null; restrictedSince: string | null };

/**
 * Reviews due within `withinDays` or overdue, soonest first, of the persons in cases the viewer's
 * country owns: reviewing (and erasing) is the controller's duty, so partners do not see them.
 * Restricted persons are listed too, marked: the review is what ends an overdue restriction.
 */
export function retentionReviewsDue(
  db: Database.Database, viewer: Viewer,
  options: { now: string; policy: RetentionPolicy; withinDays?: number; limit?: number },
): RetentionReview[] {
  const now = utcParam(options.now, 'now');
  const within = options.withinDays ?? RETENTION_DUE_WITHIN_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > 3653) throw new RangeError('withinDays must be a whole number from 0 to 3653');
  const { sql, params } = policyRows(options.policy);
  const horizon = new Date(Date.parse(now) + within * 86_400_000).toISOString();
  const unreviewed = unreviewedRanges(options.policy, horizon);
  const rows = prepared(db, reviewsSql(sql, 'm.owner_country = @viewerCountry', unreviewed.sql))
    .all(...params, { viewerCountry: viewer.country, horizon, ...unreviewed.params, limit: clampLimit(options.limit ?? 500) }) as Row[];
  return rows.map(({ ownerCountry: _, restrictionGround, restrictedSince, ...r }) => ({
    ...r, status: r.reviewDueAt < now ? 'overdue' : 'due', ...restrictionOf({ restrictionGround, restrictedSince }),
  }));
}

/** For the retention process manager (a system read, no viewer, ids only): overdue and not yet restricted. */
export function overdueUnrestricted(
  db: Database.Database, options: { now: string; policy: RetentionPolicy; limit: number },
): { caseId: string; personId: string; ownerCountry: string }[] {
  const { sql, params } = policyRows(options.policy);
  const horizon = utcParam(options.now, 'now');
  const unreviewed = unreviewedRanges(options.policy, horizon);
  const rows = prepared(db, reviewsSql(sql, `NOT EXISTS (SELECT 1 FROM restricted_persons rp
      WHERE rp.case_id = p.case_id AND rp.person_id = p.person_id)`, unreviewed.sql))
    .all(...params, { horizon, ...unreviewed.params, limit: options.limit }) as Row[];
  return rows.map((r) => ({ caseId: r.caseId, personId: r.personId, ownerCountry: r.ownerCountry }));
}
