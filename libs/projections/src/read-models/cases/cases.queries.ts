import type Database from 'better-sqlite3';
import { visibleTo, type AccessLevel, type Viewer } from '../../access/access-policy.js';
import {
  addFilter, CASE_META_COLUMNS, clampLimit, decodeCursor, likePattern, prepared, toPage, viewerParams,
  type CaseLabel, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import type { RestrictionOption } from '../shared/restrictions.js';
import { caseDetailParts, type CaseDetailParts } from './case-detail-parts.js';

export interface CaseSummary extends CaseLabel {
  ownerCountry: string;
  title: string;
  offenceCategory: string;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string;
  lastEventAt: string;
  /** Stream revision of the last event: the case's ETag. */
  revision: number;
  /** $all position of the last event, as a decimal string. */
  lastPosition: string;
  /** The viewer's own access: owner, read or contribute. */
  access: AccessLevel;
}

export interface CaseDetail extends CaseSummary, CaseDetailParts {
  statusReason: string | null;
  /** Owner: every partner. Partners: only their own grant (who else it is shared with is the owner's business). */
  sharing: { country: string; level: 'read' | 'contribute' }[];
}

export interface ListCasesOptions extends PageOptions {
  status?: 'open' | 'closed';
  ownerCountry?: string;
  /** Case-insensitive substring of the title. */
  q?: string;
}

interface CaseRow {
  caseId: string; handlingCode: string; handlingText: string | null; ownerCountry: string; title: string;
  offenceCategory: string; status: 'open' | 'closed'; statusReason: string | null; openedAt: string; openedBy: string;
  lastEventAt: string; revision: number; lastPosition: number; access: AccessLevel;
}

const SELECT_CASE = `SELECT c.case_id AS caseId, ${CASE_META_COLUMNS}, m.owner_country AS ownerCountry, m.title,
    c.offence_category AS offenceCategory, c.status, c.status_reason AS statusReason, c.opened_at AS openedAt,
    c.opened_by AS openedBy, c.last_event_at AS lastEventAt, c.revision, c.last_position AS lastPosition,
    (SELECT a.level FROM case_access a WHERE a.country = @viewerCountry AND a.case_id = c.case_id) AS access
  FROM cases c JOIN case_meta m ON m.case_id = c.case_id`;

const summary = ({ statusReason: _, ...r }: CaseRow): CaseSummary => ({ ...r, lastPosition: String(r.lastPosition) });

/** Cases the viewer's country may see, most recently changed first. */
export function listCases(db: Database.Database, viewer: Viewer, options: ListCasesOptions = {}): Page<CaseSummary> {
  const limit = clampLimit(options.limit);
  const where = [visibleTo('c')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), limit: limit + 1 };
  addFilter(where, params, options.status, 'c.status = @status', 'status');
  addFilter(where, params, options.ownerCountry, 'm.owner_country = @ownerCountry', 'ownerCountry');
  if (options.q) addFilter(where, params, likePattern(options.q), "m.title LIKE @q ESCAPE '\\'", 'q');
  if (options.cursor) {
    const [pos, id] = decodeCursor<[number, string]>(options.cursor, ['number', 'string']);
    where.push('(c.last_position, c.case_id) < (@cPos, @cId)');
    Object.assign(params, { cPos: pos, cId: id });
  }
  const rows = prepared(db, `${SELECT_CASE} WHERE ${where.join(' AND ')}
    ORDER BY c.last_position DESC, c.case_id DESC LIMIT @limit`).all(params) as CaseRow[];
  return toPage(rows, limit, summary, (r) => [r.lastPosition, r.caseId]);
}

/** The whole case, or undefined when it does not exist or the viewer may not see it (both answer 404). */
export function caseDetail(db: Database.Database, viewer: Viewer, caseId: string, option: RestrictionOption = {}): CaseDetail | undefined {
  const p = { ...viewerParams(viewer), caseId };
  const row = prepared(db, `${SELECT_CASE} WHERE c.case_id = @caseId AND ${visibleTo('c')}`).get(p) as CaseRow | undefined;
  if (!row) return undefined;
  const sharing = prepared(db, `SELECT a.country, a.level FROM case_access a WHERE a.case_id = @caseId AND a.level <> 'owner'
      AND (a.country = @viewerCountry OR @viewerCountry = (SELECT owner_country FROM case_meta WHERE case_id = @caseId))
      AND ${visibleTo('a')} ORDER BY a.country`).all(p) as CaseDetail['sharing'];
  return { ...summary(row), statusReason: row.statusReason, sharing, ...caseDetailParts(db, p, option) };
}
