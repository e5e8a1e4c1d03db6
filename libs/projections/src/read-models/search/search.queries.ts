import type Database from 'better-sqlite3';
import { visibleTo, type Viewer } from '../../access/access-policy.js';
import {
  CASE_META_COLUMNS, InvalidQueryParameter, decodeCursor, encodeCursor, prepared, viewerParams, type CaseLabel, type Page,
} from '../shared/read-model-helpers.js';
import { unrestricted, type RestrictionOption } from '../shared/restrictions.js';
import { OTHER_SEPARATOR, compactId, foldForSearch, type SearchKind } from './search.projection.js';

export interface SearchHit extends CaseLabel {
  caseTitle: string;
  ownerCountry: string;
  kind: SearchKind;
  /** The case id for a case hit, else the person's, handler's or detention's id within the case. */
  refId: string;
  /** The title, pseudonym (else name), handler alias or facility. */
  label: string;
  /** The other searchable values: a person's name (beside a pseudonym) and aliases, a handler's platforms. */
  also: string[];
  /** For a detention: the detained person's pseudonym or name. */
  person: string | null;
}

/** Hits about restricted persons (and their detentions) are left out unless includeRestricted (LED Art. 16(3)). */
export interface SearchOptions extends RestrictionOption {
  /** The user's text: words (letters and digits), each matched as a word prefix, all of them required. */
  q: string;
  limit?: number;
  cursor?: string;
}

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_MAX_WORDS = 8;

/**
 * The FTS5 expression for a user's text. User input never reaches FTS5's query syntax: the text is
 * cut into words (runs of letters, digits and marks, as the table's tokenizer cuts), and each word
 * goes in double quotes as a string with a trailing `*` (prefix match, for type-ahead). A word can
 * hold no quote, parenthesis, colon, `*`, `^` or operator, and AND/OR/NOT/NEAR inside quotes are
 * plain words. Words match titles, names and aliases (`label`, `other`), never ids; text that looks
 * like an id (letters, digits and hyphens only, 4 or more characters) also matches ids by prefix.
 * Throws InvalidQueryParameter (a 400 naming `q`) for text it cannot use.
 */
export function searchExpression(q: string): string {
  const text = q.normalize('NFC').trim();
  if (text.length === 0) throw new InvalidQueryParameter('q', 'q must not be empty');
  if (text.length > SEARCH_MAX_LENGTH) throw new InvalidQueryParameter('q', `q must be at most ${SEARCH_MAX_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new InvalidQueryParameter('q', 'q must not contain control characters');
  const words = foldForSearch(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.join('').length < 2) throw new InvalidQueryParameter('q', 'q must contain at least two letters or digits');
  if (words.length > SEARCH_MAX_WORDS) throw new InvalidQueryParameter('q', `q may have at most ${SEARCH_MAX_WORDS} words`);
  const byWords = `{label other} : (${words.map((w) => `"${w}"*`).join(' AND ')})`;
  const id = /^[A-Za-z0-9-]+$/.test(text) ? compactId(text) : '';
  return id.length >= 4 ? `(${byWords}) OR (ident : "${id}"*)` : byWords;
}

type Row = Omit<SearchHit, 'also'> & { other: string };

/**
 * Hits the viewer's country may see (the same rule as every read: cases it owns or that are shared
 * with it), best first (BM25: a title, pseudonym or alias counts more than an alias among others),
 * then in the order they were recorded. Pages by offset: a search is re-run, not kept open.
 */
export function search(db: Database.Database, viewer: Viewer, options: SearchOptions): Page<SearchHit> {
  const match = searchExpression(options.q);
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidQueryParameter('limit', `limit must be a positive integer, got ${limit}`);
  const take = Math.min(limit, SEARCH_MAX_LIMIT);
  const offset = options.cursor ? decodeCursor<[number]>(options.cursor, ['number'])[0] : 0;
  let rows: Row[];
  try {
    rows = prepared(db, `SELECT d.case_id AS caseId, ${CASE_META_COLUMNS}, m.title AS caseTitle, m.owner_country AS ownerCountry,
        d.kind, d.ref_id AS refId, d.label, d.other,
        CASE WHEN d.kind = 'detention' THEN (SELECT pd.label FROM search_docs pd
          WHERE pd.case_id = d.case_id AND pd.kind = 'person' AND pd.ref_id = d.person_id) END AS person
      FROM search_text f JOIN search_docs d ON d.doc_id = f.rowid JOIN case_meta m ON m.case_id = d.case_id
      WHERE search_text MATCH @match AND ${visibleTo('d')} AND ${options.includeRestricted ? '1' : unrestricted('d')}
      ORDER BY bm25(search_text, 10.0, 4.0, 1.0), d.doc_id LIMIT @limit OFFSET @offset`)
      .all({ ...viewerParams(viewer), match, limit: take + 1, offset: Math.max(0, Math.floor(offset)) }) as Row[];
  } catch (e) {
    // The expression is built from quoted words only, so FTS5 should never refuse it; if it does, the
    // text is still the caller's to change (a 400), never a server error.
    if (e instanceof Error && /fts5|syntax/i.test(e.message)) throw new InvalidQueryParameter('q', 'q could not be read as a search');
    throw e;
  }
  const more = rows.length > take;
  const items = (more ? rows.slice(0, take) : rows).map(({ other, ...r }): SearchHit => ({
    ...r, also: other ? other.split(OTHER_SEPARATOR) : [], person: r.person ?? null,
  }));
  return more ? { items, nextCursor: encodeCursor([offset + take]) } : { items };
}
