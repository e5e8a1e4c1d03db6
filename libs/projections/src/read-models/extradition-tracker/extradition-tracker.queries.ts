import type Database from 'better-sqlite3';
import { visibleTo, type Viewer } from '../../access/access-policy.js';
import {
  addFilter, CASE_META_COLUMNS, clampLimit, decodeCursor, prepared, toPage, utcParam, viewerParams,
  type CaseLabel, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';

export interface OpenExtradition extends CaseLabel {
  extraditionId: string;
  personId: string;
  route: string;
  requestingCountry: string;
  requestedCountry: string;
  sentAt: string;
  /** Current stage; 'requested' until the first stage is reached. */
  stage: string;
  /** Since the stage was reached (or the request sent), in whole days up to `now`. */
  daysInStage: number;
  consentedAt: string | null;
  decision: 'granted' | null;
  /** The deadline that applies now (see the projection), if any. */
  deadlineAt: string | null;
  deadlineFor: 'decision' | 'hand-over' | 'formal-request' | null;
  overdue: boolean;
}

export interface OpenExtraditionsOptions extends PageOptions {
  route?: string;
  requestedCountry?: string;
  overdueOnly?: boolean;
  /** ISO instant the answer is computed for; queries never read the clock. */
  now: string;
}

/** Sort key: nearest deadline first, those without one last. */
const SORT = "ifnull(e.deadline_at, '~')";

type Row = Omit<OpenExtradition, 'overdue'> & { overdue: 0 | 1 };

/** Open requests (not refused, not surrendered) the viewer may see, nearest deadline first. */
export function openExtraditions(db: Database.Database, viewer: Viewer, options: OpenExtraditionsOptions): Page<OpenExtradition> {
  const limit = clampLimit(options.limit);
  const where = ["e.status = 'open'", visibleTo('e')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), now: utcParam(options.now, 'now'), limit: limit + 1 };
  addFilter(where, params, options.route, 'e.route = @route', 'route');
  addFilter(where, params, options.requestedCountry, 'e.requested_country = @requestedCountry', 'requestedCountry');
  if (options.overdueOnly) where.push('e.deadline_at < @now');
  if (options.cursor) {
    const [k, c, id] = decodeCursor<[string, string, string]>(options.cursor, ['string', 'string', 'string']);
    where.push(`(${SORT}, e.case_id, e.extradition_id) > (@cKey, @cCase, @cId)`);
    Object.assign(params, { cKey: k, cCase: c, cId: id });
  }
  const rows = prepared(db, `SELECT e.case_id AS caseId, ${CASE_META_COLUMNS}, e.extradition_id AS extraditionId,
      e.person_id AS personId, e.route, e.requesting_country AS requestingCountry, e.requested_country AS requestedCountry,
      e.sent_at AS sentAt, ifnull(e.stage, 'requested') AS stage,
      max(0, CAST(julianday(@now) - julianday(e.stage_since) AS INTEGER)) AS daysInStage,
      e.consented_at AS consentedAt, e.decision, e.deadline_at AS deadlineAt, e.deadline_for AS deadlineFor,
      ifnull(e.deadline_at < @now, 0) AS overdue
    FROM et_extraditions e JOIN case_meta m ON m.case_id = e.case_id
    WHERE ${where.join(' AND ')} ORDER BY ${SORT}, e.case_id, e.extradition_id LIMIT @limit`).all(params) as Row[];
  return toPage(rows, limit, (r) => ({ ...r, overdue: r.overdue === 1 }), (r) => [r.deadlineAt ?? '~', r.caseId, r.extraditionId]);
}

export interface ExtraditionCount {
  route: string;
  stage: string;
  count: number;
  overdue: number;
}

/**
 * Open requests the viewer may see, by route × current stage, with how many are past their deadline at
 * `now`: the viewer country's counters (et_counts) and its deadlines before `now` (et_due), kept by the
 * projection for exactly the cases `visibleTo` admits (ADR 27).
 */
export function extraditionCounts(db: Database.Database, viewer: Viewer, options: { now: string }): ExtraditionCount[] {
  const params = { ...viewerParams(viewer), now: utcParam(options.now, 'now') };
  const overdue = new Map((prepared(db, `SELECT d.route || ' ' || d.stage AS k, sum(d.n) AS n FROM et_due d
    WHERE d.viewer = @viewerCountry AND d.deadline_at < @now GROUP BY d.route, d.stage`).all(params) as { k: string; n: number }[])
    .map((r) => [r.k, r.n]));
  const rows = prepared(db, `SELECT c.route, c.stage, c.n AS count FROM et_counts c WHERE c.viewer = @viewerCountry AND c.n > 0
    ORDER BY c.route, c.stage`).all(params) as Omit<ExtraditionCount, 'overdue'>[];
  return rows.map((r) => ({ ...r, overdue: overdue.get(`${r.route} ${r.stage}`) ?? 0 }));
}
