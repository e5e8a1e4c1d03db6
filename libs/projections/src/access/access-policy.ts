import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../runner/projection.js';

/** Who is asking. Only the country decides visibility; scopes are checked at the HTTP edge. */
export interface Viewer {
  country: string;
}

export type AccessLevel = 'owner' | 'read' | 'contribute';

/**
 * The one rule for reading: a country sees a case it owns or that is shared with it (read or
 * contribute), and nothing else — not in lists, details, counts or aggregates. Every read model keeps
 * its own copy of this table (fed by the same three events), so each query filters in SQL and a
 * revocation takes effect on the next query.
 */
export function canSee(access: readonly { country: string; level: AccessLevel }[], viewer: Viewer): boolean {
  return access.some((a) => a.country === viewer.country);
}

export const CASE_ACCESS_EVENTS = ['CaseOpened', 'CaseSharedWith', 'CaseSharingRevoked'] as const;

export function setupCaseAccess(db: Database.Database): void {
  db.exec(`
    CREATE TABLE case_access(case_id TEXT NOT NULL, country TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('owner','read','contribute')), PRIMARY KEY (country, case_id)) WITHOUT ROWID;
    CREATE TABLE case_meta(case_id TEXT PRIMARY KEY, owner_country TEXT NOT NULL, handling_code TEXT NOT NULL,
      handling_text TEXT, title TEXT NOT NULL) WITHOUT ROWID;`);
}

/** Returns true when the event was an access event (so callers can stop there). */
export function evolveCaseAccess(rm: ReadModelDb, event: RecordedEvent): boolean {
  const d = event.data as Record<string, string>;
  switch (event.type) {
    case 'CaseOpened':
      rm.stmt('INSERT OR REPLACE INTO case_access(case_id, country, level) VALUES (?, ?, \'owner\')').run(d.caseId, d.ownerCountry);
      rm.stmt('INSERT OR REPLACE INTO case_meta(case_id, owner_country, handling_code, handling_text, title) VALUES (?,?,?,?,?)')
        .run(d.caseId, d.ownerCountry, d.handlingCode, d.handlingText ?? null, d.title);
      return true;
    case 'CaseSharedWith':
      // Never downgrade the owner's own row, whatever a (domain-rejected) self-share would say.
      rm.stmt(`INSERT INTO case_access(case_id, country, level) VALUES (?, ?, ?)
        ON CONFLICT(country, case_id) DO UPDATE SET level = excluded.level WHERE case_access.level <> 'owner'`).run(d.caseId, d.partnerCountry, d.level);
      return true;
    case 'CaseSharingRevoked':
      rm.stmt("DELETE FROM case_access WHERE case_id = ? AND country = ? AND level <> 'owner'").run(d.caseId, d.partnerCountry);
      return true;
    default:
      return false;
  }
}

/** SQL condition restricting `alias.case_id` to cases the viewer's country may see; bind `@viewerCountry`. */
export function visibleTo(alias: string): string {
  return `${alias}.case_id IN (SELECT case_id FROM case_access WHERE country = @viewerCountry)`;
}

/**
 * For read models that count per viewer country when writing: applies an access event, keeps
 * `caseCountries(case_id, country)` (the countries that may see each case, looked up by case) in step,
 * and returns whether the event's country gained (1) or lost (-1) access, or 0 when nothing changed.
 */
export function evolveCaseAccessChange(rm: ReadModelDb, event: RecordedEvent, caseCountries: string): { country: string; change: 1 | -1 | 0 } {
  const d = event.data as Record<string, unknown>;
  const caseId = String(d.caseId);
  const country = String((event.type === 'CaseOpened' ? d.ownerCountry : d.partnerCountry) ?? '');
  const level = rm.stmt('SELECT level FROM case_access WHERE country = ? AND case_id = ?').pluck().get(country, caseId) as string | undefined;
  if (!evolveCaseAccess(rm, event)) return { country, change: 0 };
  const had = level !== undefined;
  // Opening and sharing leave the country's row in place; a revocation removes it unless it is the owner's.
  const now = event.type === 'CaseSharingRevoked' ? level === 'owner' : true;
  if (had === now) return { country, change: 0 };
  if (now) rm.stmt(`INSERT OR IGNORE INTO ${caseCountries}(case_id, country) VALUES (?, ?)`).run(caseId, country);
  else rm.stmt(`DELETE FROM ${caseCountries} WHERE case_id = ? AND country = ?`).run(caseId, country);
  return { country, change: now ? 1 : -1 };
}
