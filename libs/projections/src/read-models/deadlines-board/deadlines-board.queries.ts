import type Database from 'better-sqlite3';
import type { Viewer } from '../../access/access-policy.js';
import { clampLimit, decodeCursor, encodeCursor, prepared, utcParam, viewerParams } from '../shared/read-model-helpers.js';
import { boardDayOf, DEADLINE_KINDS, type DeadlineKind, type DeadlineRole } from './deadlines-board.projection.js';

/**
 * Where a deadline stands relative to `now`: overdue (due before now), next_8h (now <= due < now + 8 h),
 * next_3d (now + 8 h <= due < now + 72 h), later (now + 72 h or after). "3 days" is 72 elapsed hours.
 */
export const DEADLINE_BUCKETS = ['overdue', 'next_8h', 'next_3d', 'later'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

/** One running deadline on the viewer's board. No personal data: ids, countries, kinds and times only. */
export interface DeadlineItem {
  kind: DeadlineKind;
  /** What the deadline asks of the viewer's country (answer_due: the viewer must answer; answer_expected: the viewer asked). */
  role: DeadlineRole;
  dueAt: string;
  bucket: DeadlineBucket;
  /** Short, fixed-form description, e.g. "Answer due to NO (urgent, 8h)", "Custody review (held in DK)". */
  label: string;
  /** information_request: the request (and the case it names, as in the register); otherwise the case. */
  requestId: string | null;
  caseId: string | null;
  /** The detention (custody_review) or extradition (extradition) within the case. */
  detentionId: string | null;
  extraditionId: string | null;
  /** information_request: the other country of the exchange; custody_review: the holding country; extradition: the other country. */
  counterpartCountry: string | null;
  /** information_request only. */
  urgent: boolean | null;
  /** information_request: the Art. 5(1) limit ('8h' | '3d' | '7d'); extradition: the route. */
  rule: string | null;
  /** The case's handling code, for case deadlines (as every case read model shows it); null for requests. */
  handlingCode: string | null;
  handlingText: string | null;
}

export interface DeadlinesBoardOptions {
  /** ISO instant the buckets are computed for; queries never read the clock. */
  now: string;
  kinds?: readonly DeadlineKind[];
  bucket?: DeadlineBucket;
  limit?: number;
  cursor?: string;
}

export interface DeadlinesBoard {
  /** `now` as UTC. */
  now: string;
  /** Soonest due first (overdue first of all); ties by kind, then item. */
  items: DeadlineItem[];
  /** How many deadlines of the asked kinds are in each bucket (whatever `bucket` and the page). */
  counts: Record<DeadlineBucket, number>;
  nextCursor?: string;
}

const HOUR_MS = 3_600_000;

type Row = {
  country: string; due_at: string; kind: DeadlineKind; item_id: string; role: DeadlineRole; case_id: string | null;
  request_id: string | null; subject_id: string | null; counterpart_country: string | null; requesting_country: string | null;
  requested_country: string | null; urgent: number | null; rule: string | null; handling_code: string | null; handling_text: string | null;
};

function labelOf(r: Row): { label: string; counterpart: string | null } {
  switch (r.kind) {
    case 'information_request': {
      const how = `${r.urgent === 1 ? 'urgent, ' : ''}${r.rule ?? ''}`;
      return r.role === 'answer_due'
        ? { label: `Answer due to ${r.requesting_country} (${how})`, counterpart: r.requesting_country }
        : { label: `Answer expected from ${r.requested_country} (${how})`, counterpart: r.requested_country };
    }
    case 'custody_review':
      return { label: `Custody review (held in ${r.counterpart_country})`, counterpart: r.counterpart_country };
    case 'extradition': {
      const counterpart = r.country === r.requesting_country ? r.requested_country : r.requesting_country;
      return { label: `Extradition ${r.requesting_country} → ${r.requested_country}: ${r.role} deadline`, counterpart };
    }
  }
}

/**
 * The viewer country's running deadlines, one list merged from information requests (the two
 * countries of each), custody reviews and extradition stage deadlines (whoever may see the case; see
 * the projection), ordered by due time, with counts per bucket. Reads the page from the viewer's key
 * range of dl_board and the counts from its per-day counters (dl_days) plus the rows of the days the
 * bucket edges cut: the cost follows the page and the number of days with deadlines, not the log.
 */
export function deadlinesBoard(db: Database.Database, viewer: Viewer, options: DeadlinesBoardOptions): DeadlinesBoard {
  const limit = clampLimit(options.limit);
  const nowMs = Date.parse(utcParam(options.now, 'now'));
  const now = new Date(nowMs).toISOString();
  const in8h = new Date(nowMs + 8 * HOUR_MS).toISOString();
  const in3d = new Date(nowMs + 72 * HOUR_MS).toISOString();
  const kinds = options.kinds ?? DEADLINE_KINDS;
  for (const k of kinds) if (!DEADLINE_KINDS.includes(k)) throw new RangeError(`Unknown deadline kind ${String(k)}`);
  const params: Record<string, unknown> = { ...viewerParams(viewer), now, in8h, in3d, limit: limit + 1 };
  const kindSql = kinds.length === DEADLINE_KINDS.length ? '' : `AND b.kind IN (${kinds.map((_, i) => `@k${i}`).join(', ')})`;
  kinds.forEach((k, i) => { params[`k${i}`] = k; });

  const counts = bucketCounts(db, params, kindSql, [now, in8h, in3d]);

  const where = ['b.country = @viewerCountry'];
  if (options.bucket) {
    const range = { overdue: 'b.due_at < @now', next_8h: 'b.due_at >= @now AND b.due_at < @in8h',
      next_3d: 'b.due_at >= @in8h AND b.due_at < @in3d', later: 'b.due_at >= @in3d' }[options.bucket];
    if (!range) throw new RangeError(`Unknown bucket ${String(options.bucket)}`);
    where.push(range);
  }
  if (options.cursor) {
    const [at, kind, id] = decodeCursor<[string, string, string]>(options.cursor, ['string', 'string', 'string']);
    where.push('(b.due_at, b.kind, b.item_id) > (@cAt, @cKind, @cId)');
    Object.assign(params, { cAt: at, cKind: kind, cId: id });
  }
  const rows = prepared(db, `SELECT b.country, b.due_at, b.kind, b.item_id, b.role, i.case_id, i.request_id, i.subject_id,
      i.counterpart_country, i.requesting_country, i.requested_country, i.urgent, i.rule,
      m.handling_code, m.handling_text
    FROM dl_board b JOIN dl_items i ON i.kind = b.kind AND i.item_id = b.item_id
    LEFT JOIN case_meta m ON b.kind <> 'information_request' AND m.case_id = i.case_id
    WHERE ${where.join(' AND ')} ${kindSql} ORDER BY b.due_at, b.kind, b.item_id LIMIT @limit`).all(params) as Row[];
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const items = kept.map((r): DeadlineItem => {
    const { label, counterpart } = labelOf(r);
    return {
      kind: r.kind, role: r.role, dueAt: r.due_at,
      bucket: r.due_at < now ? 'overdue' : r.due_at < in8h ? 'next_8h' : r.due_at < in3d ? 'next_3d' : 'later',
      label, requestId: r.request_id, caseId: r.case_id,
      detentionId: r.kind === 'custody_review' ? r.subject_id : null, extraditionId: r.kind === 'extradition' ? r.subject_id : null,
      counterpartCountry: counterpart, urgent: r.kind === 'information_request' ? r.urgent === 1 : null,
      rule: r.rule, handlingCode: r.handling_code, handlingText: r.handling_text,
    };
  });
  const board: DeadlinesBoard = { now, items, counts };
  if (more) {
    const last = kept[kept.length - 1];
    board.nextCursor = encodeCursor([last.due_at, last.kind, last.item_id]);
  }
  return board;
}

const startOfDay = (day: string): string => `${day}T00:00:00.000Z`;

/**
 * Rows of the viewer (and kinds) due before each edge, from whole days of dl_days plus the rows of the
 * edge's own day; the buckets are the differences. Bind the same params as the list (@viewerCountry, @kN).
 */
function bucketCounts(
  db: Database.Database, params: Record<string, unknown>, kindSql: string, edges: [string, string, string],
): Record<DeadlineBucket, number> {
  const daysSql = kindSql.replace('b.kind', 'd.kind');
  const total = prepared(db, `SELECT ifnull(sum(d.n), 0) FROM dl_days d WHERE d.country = @viewerCountry ${daysSql}`).pluck().get(params) as number;
  const before = (edge: string): number => {
    const day = boardDayOf(edge);
    const p = { ...params, day, dayStart: startOfDay(day), edge };
    const wholeDays = prepared(db, `SELECT ifnull(sum(d.n), 0) FROM dl_days d WHERE d.country = @viewerCountry AND d.day < @day ${daysSql}`)
      .pluck().get(p) as number;
    const sameDay = prepared(db, `SELECT count(*) FROM dl_board b WHERE b.country = @viewerCountry AND b.due_at >= @dayStart
      AND b.due_at < @edge ${kindSql}`).pluck().get(p) as number;
    return wholeDays + sameDay;
  };
  const [a, b, c] = edges.map(before);
  return { overdue: a, next_8h: b - a, next_3d: c - b, later: total - c };
}
