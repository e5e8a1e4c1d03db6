import type Database from 'better-sqlite3';
import { visibleTo, type Viewer } from '../../access/access-policy.js';
import {
  addFilter, CASE_META_COLUMNS, clampLimit, decodeCursor, prepared, toPage, utcParam, viewerParams,
  type CaseLabel, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import { excludeRestricted, restrictionColumns, restrictionOf, type RestrictionMarker, type RestrictionOption } from '../shared/restrictions.js';

export interface DetentionEntry extends CaseLabel {
  detentionId: string;
  personId: string;
  category: string | null;
  name: string | null;
  pseudonym: string | null;
  /** The person's current nationalities, sorted. */
  nationalities: string[];
  holdingCountry: string;
  facility: string;
  detainedAt: string;
  nextCustodyReviewAt: string;
  /** Only on detentions of restricted persons, which are listed only when asked for (includeRestricted). */
  restriction?: RestrictionMarker;
}

/** Restricted persons' detentions are left out of lists and counts unless includeRestricted (LED Art. 16(3)). */
export interface DetentionFilter extends RestrictionOption {
  holdingCountry?: string;
  /** Only persons currently holding this nationality (among others). */
  nationality?: string;
}

type Row = Omit<DetentionEntry, 'nationalities' | 'restriction'>
  & { nationalities: string | null; restrictionGround: string | null; restrictedSince: string | null };

/**
 * Open detentions with their person and case. `from` may name the index to read them by: the planner
 * otherwise drives from the viewer's visible cases (`visibleTo`) whenever it can, which for a viewer of
 * many cases visits every open detention of each.
 */
const selectOpen = (from = 'dr_detentions d') => `SELECT d.case_id AS caseId, ${CASE_META_COLUMNS}, d.detention_id AS detentionId, d.person_id AS personId,
    p.category, p.name, p.pseudonym,
    (SELECT group_concat(n.country, ',' ORDER BY n.country) FROM dr_nationalities n
      WHERE n.case_id = d.case_id AND n.person_id = d.person_id) AS nationalities,
    d.holding_country AS holdingCountry, d.facility, d.detained_at AS detainedAt, d.next_review_at AS nextCustodyReviewAt,
    ${restrictionColumns('d')}
  FROM ${from} JOIN case_meta m ON m.case_id = d.case_id
  LEFT JOIN dr_persons p ON p.case_id = d.case_id AND p.person_id = d.person_id`;

const entry = ({ restrictionGround, restrictedSince, ...r }: Row): DetentionEntry =>
  ({ ...r, nationalities: r.nationalities ? r.nationalities.split(',') : [], ...restrictionOf({ restrictionGround, restrictedSince }) });

function filterSql(filter: DetentionFilter, where: string[], params: Record<string, unknown>): void {
  excludeRestricted(where, 'd', filter);
  addFilter(where, params, filter.holdingCountry, 'd.holding_country = @holdingCountry', 'holdingCountry');
  if (filter.nationality) {
    where.push(`EXISTS (SELECT 1 FROM dr_nationalities f WHERE f.case_id = d.case_id AND f.person_id = d.person_id
      AND f.country = @nationality)`);
    params.nationality = filter.nationality;
  }
}

/** Open detentions the viewer may see, most recent detention first. */
export function currentDetentions(
  db: Database.Database, viewer: Viewer, options: DetentionFilter & PageOptions = {},
): Page<DetentionEntry> {
  const limit = clampLimit(options.limit);
  const where = ['d.ended_at IS NULL', visibleTo('d')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), limit: limit + 1 };
  filterSql(options, where, params);
  if (options.cursor) {
    const [at, c, id] = decodeCursor<[string, string, string]>(options.cursor, ['string', 'string', 'string']);
    where.push('(d.detained_at, d.case_id, d.detention_id) < (@cAt, @cCase, @cId)');
    Object.assign(params, { cAt: at, cCase: c, cId: id });
  }
  const rows = prepared(db, `${selectOpen()} WHERE ${where.join(' AND ')}
    ORDER BY d.detained_at DESC, d.case_id DESC, d.detention_id DESC LIMIT @limit`).all(params) as Row[];
  return toPage(rows, limit, entry, (r) => [r.detainedAt, r.caseId, r.detentionId]);
}

export interface DetentionCount {
  /** null for persons with no current nationality recorded. */
  nationality: string | null;
  holdingCountry: string;
  count: number;
}

/**
 * Open detentions by nationality × holding country. A dual national counts once under each
 * nationality, so the counts of one holding country can add up to more than its detainees. Read from
 * the viewer country's counters (dr_counts, kept by the projection for exactly the cases `visibleTo`
 * admits; ADR 27): the viewer's few rows, whatever the number of detentions.
 */
export function detentionCounts(db: Database.Database, viewer: Viewer, filter: DetentionFilter = {}): DetentionCount[] {
  const count = filter.includeRestricted ? 'c.open' : 'c.open - c.restricted';
  const where = ['c.viewer = @viewerCountry', `${count} > 0`];
  const params: Record<string, unknown> = viewerParams(viewer);
  addFilter(where, params, filter.holdingCountry, 'c.holding_country = @holdingCountry', 'holdingCountry');
  addFilter(where, params, filter.nationality, 'c.nationality = @nationality', 'nationality');
  return prepared(db, `SELECT nullif(c.nationality, '') AS nationality, c.holding_country AS holdingCountry, ${count} AS count
    FROM dr_counts c WHERE ${where.join(' AND ')} ORDER BY c.nationality, c.holding_country`).all(params) as DetentionCount[];
}

/** Open detentions whose next custody review is before `before`, soonest first. */
export function custodyReviewsDue(
  db: Database.Database, viewer: Viewer, options: { before: string; holdingCountry?: string; limit?: number } & RestrictionOption,
): DetentionEntry[] {
  const where = ['d.ended_at IS NULL', 'd.next_review_at < @before', visibleTo('d')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), before: utcParam(options.before, 'before'), limit: clampLimit(options.limit ?? 500) };
  filterSql({ holdingCountry: options.holdingCountry, includeRestricted: options.includeRestricted }, where, params);
  // By the review index, which also gives the order: a dashboard asks for the next week's reviews, a few
  // among all open detentions, and the viewer's-cases plan read all of them (3.5 ms at 45k, ADR 34).
  return (prepared(db, `${selectOpen('dr_detentions d INDEXED BY dr_open_by_review')} WHERE ${where.join(' AND ')}
    ORDER BY d.next_review_at, d.case_id, d.detention_id LIMIT @limit`).all(params) as Row[]).map(entry);
}

export { detentionsOverTime, MAX_BUCKETS, type DetentionBucket } from './detentions-over-time.queries.js';
