import type Database from 'better-sqlite3';
import { visibleTo, type Viewer } from '../../access/access-policy.js';
import {
  addFilter, CASE_META_COLUMNS, clampLimit, decodeCursor, evaluationOf, prepared, toPage, viewerParams,
  type CaseLabel, type Page, type PageOptions,
} from '../shared/read-model-helpers.js';
import { unrestricted } from '../shared/restrictions.js';

export interface LinkedPerson {
  personId: string;
  category: string | null;
  name: string | null;
  pseudonym: string | null;
  /** recruited / instructed / paid, sorted. */
  relations: string[];
}

export interface HandlerEntry extends CaseLabel {
  caseTitle: string;
  handlerId: string;
  alias: string;
  /** Latest believed location. */
  believedCountry: string;
  platforms: string[];
  evaluation: { source: string; information: number } | null;
  /** Persons of the same case linked to this handler. */
  linkedPersons: LinkedPerson[];
}

export interface ListHandlersOptions extends PageOptions {
  believedCountry?: string;
  platform?: string;
}

type Row = { caseId: string; handlingCode: string; handlingText: string | null; caseTitle: string; handlerId: string;
  alias: string; believedCountry: string; platforms: string; source: string | null; information: number | null; lastPosition: number };

/** Handlers the viewer may see, most recently identified or relocated first. */
export function listHandlers(db: Database.Database, viewer: Viewer, options: ListHandlersOptions = {}): Page<HandlerEntry> {
  const limit = clampLimit(options.limit);
  const where = [visibleTo('h')];
  const params: Record<string, unknown> = { ...viewerParams(viewer), limit: limit + 1 };
  addFilter(where, params, options.believedCountry, 'h.believed_country = @believedCountry', 'believedCountry');
  if (options.platform) {
    where.push('EXISTS (SELECT 1 FROM json_each(h.platforms) j WHERE j.value = @platform)');
    params.platform = options.platform;
  }
  if (options.cursor) {
    const [pos, c, id] = decodeCursor<[number, string, string]>(options.cursor, ['number', 'string', 'string']);
    where.push('(h.last_position, h.case_id, h.handler_id) < (@cPos, @cCase, @cId)');
    Object.assign(params, { cPos: pos, cCase: c, cId: id });
  }
  const rows = prepared(db, `SELECT h.case_id AS caseId, ${CASE_META_COLUMNS}, m.title AS caseTitle, h.handler_id AS handlerId,
      h.alias, h.believed_country AS believedCountry, h.platforms, h.source, h.information, h.last_position AS lastPosition
    FROM ha_handlers h JOIN case_meta m ON m.case_id = h.case_id
    WHERE ${where.join(' AND ')} ORDER BY h.last_position DESC, h.case_id DESC, h.handler_id DESC LIMIT @limit`)
    .all(params) as Row[];
  const page = toPage(rows, limit, (r) => r, (r) => [r.lastPosition, r.caseId, r.handlerId]);
  const links = linkedPersons(db, viewer, page.items);
  return {
    ...page,
    items: page.items.map(({ source, information, platforms, lastPosition: _, ...r }) => ({
      ...r,
      platforms: JSON.parse(platforms) as string[],
      evaluation: evaluationOf(source, information),
      linkedPersons: links.get(`${r.caseId}\u0000${r.handlerId}`) ?? [],
    })),
  };
}

/** Links (with the person) of a page of handlers, in one query keyed by (case, handler). */
function linkedPersons(db: Database.Database, viewer: Viewer, handlers: Row[]): Map<string, LinkedPerson[]> {
  const byHandler = new Map<string, LinkedPerson[]>();
  if (handlers.length === 0) return byHandler;
  const keys = JSON.stringify(handlers.map((h) => [h.caseId, h.handlerId]));
  const rows = prepared(db, `SELECT l.case_id AS caseId, l.handler_id AS handlerId, l.person_id AS personId,
      group_concat(l.relation, ',' ORDER BY l.relation) AS relations, p.category, p.name, p.pseudonym
    FROM json_each(@keys) k JOIN ha_links l ON l.case_id = k.value ->> 0 AND l.handler_id = k.value ->> 1
    LEFT JOIN ha_persons p ON p.case_id = l.case_id AND p.person_id = l.person_id
    WHERE ${visibleTo('l')} AND ${unrestricted('l')} GROUP BY l.case_id, l.handler_id, l.person_id ORDER BY l.person_id`)
    .all({ ...viewerParams(viewer), keys }) as (LinkedPerson & { caseId: string; handlerId: string; relations: string })[];
  for (const { caseId, handlerId, relations, ...p } of rows) {
    const key = `${caseId}\u0000${handlerId}`;
    const list = byHandler.get(key) ?? [];
    list.push({ ...p, relations: relations.split(',') });
    byHandler.set(key, list);
  }
  return byHandler;
}

/** Visible handlers per believed country, largest first: the viewer country's counters (ha_counts, ADR 27). */
export function handlerCountsByCountry(db: Database.Database, viewer: Viewer): { believedCountry: string; count: number }[] {
  return prepared(db, `SELECT c.believed_country AS believedCountry, c.n AS count FROM ha_counts c
    WHERE c.viewer = @viewerCountry AND c.n > 0 ORDER BY count DESC, believedCountry`)
    .all(viewerParams(viewer)) as { believedCountry: string; count: number }[];
}
