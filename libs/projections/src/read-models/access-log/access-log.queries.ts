import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import {
  addFilter, clampLimit, decodeCursor, prepared, toPage, utcParam, viewerParams, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import type { CaseDataAccessedData } from './access-log.events.js';

export interface AccessEntryView extends Omit<CaseDataAccessedData, 'params'> {
  /** Global position of the access record itself. */
  position: string;
  /** True when the officer is from the supervisor's own country. */
  ownCountryOfficer: boolean;
  /** The query parameters; null for other countries' officers (their searches are their own business). */
  params: CaseDataAccessedData['params'] | null;
  /**
   * Titles of the cases in `caseIds`, by case id, so a supervisor reads names, not ids. Only with
   * `titles` (the catalog's accessLogTitled): the plain accessLog answer keeps the shape it had, so
   * the access records of reads made before titles existed still reproduce to their hash.
   */
  caseTitles?: Record<string, string>;
}

/** An officer whose accesses the viewer may see, for the audit view's officer picker. */
export interface AccessOfficerSummary {
  subject: string;
  country: string;
  accesses: number;
  lastAccessedAt: string;
}

export interface ListAccessOptions extends PageOptions {
  /** Officer subject (the token's `sub`). */
  officer?: string;
  /** Leave out this subject's accesses (a supervisor's own reads would crowd the top). */
  excludeOfficer?: string;
  caseId?: string;
  /** Only accesses whose answer disclosed this referral. */
  referralId?: string;
  /** Only accesses whose answer disclosed this information request. */
  requestId?: string;
  /** Inclusive lower bound on accessedAt (ISO-8601). */
  from?: string;
  /** Exclusive upper bound on accessedAt. */
  to?: string;
}

/**
 * A supervisor's country sees every access by its own officers, and every access by anyone that
 * returned a case it owns; nothing else. Bind `@viewerCountry`.
 */
const VISIBLE = `(e.officer_country = @viewerCountry OR EXISTS (SELECT 1 FROM access_cases ac
  JOIN case_meta m ON m.case_id = ac.case_id WHERE ac.entry_id = e.entry_id AND m.owner_country = @viewerCountry))`;

interface Row { position: number; record: string }

export function listAccess(db: Database.Database, viewer: Viewer, options: ListAccessOptions = {}, { titles = false } = {}): Page<AccessEntryView> {
  const limit = clampLimit(options.limit);
  const where = [VISIBLE];
  const params: Record<string, unknown> = { ...viewerParams(viewer), limit: limit + 1 };
  addFilter(where, params, options.officer, 'e.officer_subject = @officer', 'officer');
  addFilter(where, params, options.excludeOfficer, 'e.officer_subject <> @excludeOfficer', 'excludeOfficer');
  addFilter(where, params, options.caseId,
    'EXISTS (SELECT 1 FROM access_cases c WHERE c.entry_id = e.entry_id AND c.case_id = @caseId)', 'caseId');
  addFilter(where, params, options.referralId,
    'EXISTS (SELECT 1 FROM access_referrals x WHERE x.entry_id = e.entry_id AND x.referral_id = @referralId)', 'referralId');
  addFilter(where, params, options.requestId,
    'EXISTS (SELECT 1 FROM access_requests q WHERE q.entry_id = e.entry_id AND q.request_id = @requestId)', 'requestId');
  if (options.from) addFilter(where, params, utcParam(options.from, 'from'), 'e.accessed_at >= @from', 'from');
  if (options.to) addFilter(where, params, utcParam(options.to, 'to'), 'e.accessed_at < @to', 'to');
  if (options.cursor) {
    const [pos] = decodeCursor<[number]>(options.cursor, ['number']);
    where.push('e.position < @cPos');
    params.cPos = pos;
  }
  const rows = prepared(db, `SELECT e.position, e.record FROM access_entries e WHERE ${where.join(' AND ')}
    ORDER BY e.position DESC LIMIT @limit`).all(params) as Row[];
  return toPage(rows, limit, (r) => view(db, viewer, r, titles), (r) => [r.position]);
}

/** One entry if the viewer may see it, else undefined (the API answers 404 either way). */
export function accessEntry(db: Database.Database, viewer: Viewer, entryId: string): AccessEntryView | undefined {
  const row = prepared(db, `SELECT e.position, e.record FROM access_entries e WHERE e.entry_id = @entryId AND ${VISIBLE}`)
    .get({ ...viewerParams(viewer), entryId }) as Row | undefined;
  return row ? view(db, viewer, row, true) : undefined;
}

/**
 * The officers in the part of the log the viewer may see (its own officers, and anyone who read a case
 * it owns), with how many of those accesses each made and the latest; by country, then subject.
 * `excludeOfficer` leaves one out (the supervisor asking).
 */
export function accessOfficers(db: Database.Database, viewer: Viewer, options: { excludeOfficer?: string } = {}): AccessOfficerSummary[] {
  const where = [VISIBLE];
  const params: Record<string, unknown> = { ...viewerParams(viewer) };
  addFilter(where, params, options.excludeOfficer, 'e.officer_subject <> @excludeOfficer', 'excludeOfficer');
  return prepared(db, `SELECT e.officer_subject AS subject, e.officer_country AS country, COUNT(*) AS accesses,
      MAX(e.accessed_at) AS lastAccessedAt FROM access_entries e WHERE ${where.join(' AND ')}
    GROUP BY e.officer_subject, e.officer_country ORDER BY e.officer_country = @viewerCountry DESC, e.officer_country, e.officer_subject
    LIMIT 1000`).all(params) as AccessOfficerSummary[];
}

/** Case ids of an entry the viewer may learn about: all for own officers, else only cases it owns. */
export function ownedCaseIds(db: Database.Database, viewer: Viewer, caseIds: readonly string[]): string[] {
  const owner = prepared(db, 'SELECT owner_country FROM case_meta WHERE case_id = ?').pluck(true);
  return caseIds.filter((id) => owner.get(id) === viewer.country);
}

function view(db: Database.Database, viewer: Viewer, row: Row, titles: boolean): AccessEntryView {
  const record = JSON.parse(row.record) as CaseDataAccessedData;
  const own = record.officer.country === viewer.country;
  const caseIds = own ? record.caseIds : ownedCaseIds(db, viewer, record.caseIds);
  const title = prepared(db, 'SELECT title FROM case_meta WHERE case_id = ?').pluck(true);
  const caseTitles: Record<string, string> = {};
  for (const id of caseIds) {
    const t = title.get(id) as string | undefined;
    if (t !== undefined) caseTitles[id] = t;
  }
  return {
    ...record,
    position: String(row.position),
    ownCountryOfficer: own,
    params: own ? record.params : null,
    caseIds,
    ...(titles ? { caseTitles } : {}),
    // Another country's officer: which referrals they looked at is theirs to audit, as their query
    // parameters are (this read model cannot tell which of them the viewer's country referred).
    referralIds: own ? record.referralIds ?? [] : [],
    // Likewise the requests they looked at (a request is shared by its two countries only, and this
    // read model does not know which two).
    requestIds: own ? record.requestIds ?? [] : [],
  };
}
