import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Viewer } from '../../access/access-policy.js';

/**
 * Instants are stored as canonical UTC ISO strings (toISOString), so SQL can compare and sort
 * them as text even when officers supplied offsets (+02:00). Unparseable input is kept as given.
 */
export function utc(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Fast path (most input, e.g. metadata written by the service): already 'YYYY-MM-DDTHH:MM:SS.sssZ'.
  if (value.length === 24 && value.charCodeAt(23) === 90 && CANONICAL.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Like utc() for query parameters: a bad instant is a caller error, not an empty answer. */
export function utcParam(value: string, name: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not an ISO-8601 instant: ${value}`);
  return new Date(ms).toISOString();
}

/** Business time of an event (metadata.occurredAt), falling back to when the store recorded it. */
export function occurredAt(event: RecordedEvent): string {
  const at = event.metadata.occurredAt;
  return utc(typeof at === 'string' ? at : event.recordedAt) ?? event.recordedAt;
}

/** Event payloads are plain JSON; read models pick fields by name. */
export type Data = Record<string, unknown>;
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  nextCursor?: string;
}

export interface PageOptions {
  limit?: number;
  cursor?: string;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}

export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
}

/**
 * A query parameter the read model cannot use (a search text without a word, say): a RangeError, so
 * the gateway answers 400 as for any bad parameter, naming `field` in its `errors`.
 */
export class InvalidQueryParameter extends RangeError {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** A cursor is the sort key of the last row returned, as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor into exactly `types` (e.g. ['number', 'string']); throws InvalidCursor otherwise. */
export function decodeCursor<T extends readonly (string | number)[]>(
  cursor: string,
  types: readonly ('string' | 'number')[],
): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('Malformed cursor');
  }
  if (!Array.isArray(key) || key.length !== types.length || key.some((k, i) => typeof k !== types[i])) {
    throw new InvalidCursor('Malformed cursor');
  }
  return key as unknown as T;
}

/** Fetches limit + 1 rows; returns `limit` of them and a cursor if there was one more. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const page: Page<T> = { items: kept.map(map) };
  if (more) page.nextCursor = encodeCursor(key(kept[kept.length - 1]));
  return page;
}

/** Named parameters every visibility-filtered query binds. */
export const viewerParams = (viewer: Viewer): { viewerCountry: string } => ({ viewerCountry: viewer.country });

/** Case-level columns every answer carries (from case_meta, aliased `m`). */
export const CASE_META_COLUMNS = 'm.handling_code AS handlingCode, m.handling_text AS handlingText';

export interface CaseLabel {
  caseId: string;
  handlingCode: string;
  handlingText: string | null;
}

/** Escapes % and _ for LIKE ... ESCAPE '\\'. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const evaluationOf = (source: unknown, information: unknown): { source: string; information: number } | null =>
  typeof source === 'string' && typeof information === 'number' ? { source, information } : null;

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Query-side statement cache per connection (queries build SQL from a few fixed shapes). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Adds `sql` to the WHERE list and binds `@name` when the filter value is given. */
export function addFilter(where: string[], params: Record<string, unknown>, value: unknown, sql: string, name: string): void {
  if (value === undefined || value === null || value === '') return;
  where.push(sql);
  params[name] = value;
}
