import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { CASE_ACCESS_EVENTS, evolveCaseAccess, setupCaseAccess } from '../../access/access-policy.js';
import { str, type Data } from '../shared/read-model-helpers.js';
import { evolveRestriction, RESTRICTION_EVENTS, setupRestrictions } from '../shared/restrictions.js';

/** What a search hit is about: the case itself, a person, a handler abroad, a detention (its facility). */
export const SEARCH_KINDS = ['case', 'person', 'handler', 'detention'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Separates the values of the `other` column; the tokenizer treats it as whitespace, the query splits on it. */
export const OTHER_SEPARATOR = '\n';

/**
 * Full-text search over what officers look for (SQLite FTS5): case titles and ids, persons'
 * pseudonyms, names and aliases, handlers' aliases and platforms, detention facilities. One document
 * per thing, in `search_docs` (its case, kind, id and the text as recorded) and `search_text` (an FTS5
 * table, rowid = doc_id, holding that text folded for search; see foldForSearch).
 *
 * Idempotent by position: a document's id is the position of the event that first wrote it, kept by
 * the upsert when a suffix of the log is applied again, and its text is replaced with the event's own
 * values, so re-applying any event leaves the same rows. The access rule is the cases' one
 * (case_access, fed by the same three events), applied in SQL at query time: a revocation hides the
 * hits on the next query, a share shows them, and nothing is copied per viewer.
 */
export const searchProjection: Projection = {
  name: 'search',
  // 2: restricted persons are left out (LED Art. 16(3)); rectified names, pseudonyms and aliases are found.
  // 3: erasure removes a person's documents; the index deletes securely (ADR 19).
  version: 3,
  canHandle: [...CASE_ACCESS_EVENTS, 'PersonRegistered', 'DetentionRecorded', 'HandlerAbroadIdentified', ...RESTRICTION_EVENTS, 'PersonalDataRectified', 'PersonalDataErased'],
  setup(db: Database.Database): void {
    setupCaseAccess(db);
    setupRestrictions(db);
    db.exec(`
      CREATE TABLE search_persons(case_id TEXT NOT NULL, person_id TEXT NOT NULL, name TEXT, pseudonym TEXT,
        aliases TEXT NOT NULL, PRIMARY KEY (case_id, person_id)) WITHOUT ROWID;
      CREATE TABLE search_docs(doc_id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, ref_id TEXT NOT NULL,
        person_id TEXT, label TEXT NOT NULL, other TEXT NOT NULL, UNIQUE (case_id, kind, ref_id));
      CREATE VIRTUAL TABLE search_text USING fts5(label, other, ident,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      -- FTS5 otherwise only marks a deleted document's tokens as deleted; they stay in the index's
      -- segments (and the file) until a merge. secure-delete removes them at once, so an erased
      -- name is not left behind in the index (ADR 19).
      INSERT INTO search_text(search_text, rank) VALUES ('secure-delete', 1);`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    evolveCaseAccess(rm, event);
    if (evolveRestriction(rm, event)) return;
    const caseId = String(d.caseId);
    switch (event.type) {
      case 'CaseOpened':
        return index(rm, event, { caseId, kind: 'case', refId: caseId, personId: null },
          { label: String(d.title), other: [], ident: compactId(caseId) });
      case 'PersonRegistered':
        rm.stmt('INSERT OR REPLACE INTO search_persons(case_id, person_id, name, pseudonym, aliases) VALUES (?,?,?,?,?)')
          .run(caseId, d.personId, str(d.name), str(d.pseudonym), JSON.stringify(Array.isArray(d.aliases) ? d.aliases : []));
        return indexPerson(rm, event, caseId, String(d.personId));
      case 'PersonalDataRectified':
        if (d.field === 'name' || d.field === 'pseudonym' || d.field === 'aliases') {
          const value = d.field === 'aliases' ? JSON.stringify(Array.isArray(d.value) ? d.value : []) : str(d.value);
          rm.stmt(`UPDATE search_persons SET ${d.field} = ? WHERE case_id = ? AND person_id = ?`).run(value, caseId, d.personId);
          indexPerson(rm, event, caseId, String(d.personId));
        }
        return;
      case 'HandlerAbroadIdentified': {
        const platforms = Array.isArray(d.platforms) ? d.platforms.map(String) : [];
        return index(rm, event, { caseId, kind: 'handler', refId: String(d.handlerId), personId: null },
          { label: String(d.alias), other: platforms, ident: '' });
      }
      case 'PersonalDataErased': {
        const doc = rm.stmt(`DELETE FROM search_docs WHERE case_id = ? AND kind = 'person' AND ref_id = ? RETURNING doc_id AS docId`)
          .get(caseId, String(d.personId)) as { docId: number | bigint } | undefined;
        if (doc) rm.stmt('DELETE FROM search_text WHERE rowid = ?').run(doc.docId);
        return;
      }
      case 'DetentionRecorded':
        return index(rm, event, { caseId, kind: 'detention', refId: String(d.detentionId), personId: String(d.personId) },
          { label: String(d.facility), other: [], ident: '' });
    }
  },
};

/** (Re)indexes a person from its current names: the search_docs upsert keeps the doc id of its first event. */
function indexPerson(rm: ReadModelDb, event: RecordedEvent, caseId: string, personId: string): void {
  const p = rm.stmt('SELECT name, pseudonym, aliases FROM search_persons WHERE case_id = ? AND person_id = ?').get(caseId, personId) as
    { name: string | null; pseudonym: string | null; aliases: string } | undefined;
  if (!p) return;
  const aliases = (JSON.parse(p.aliases) as unknown[]).filter((a): a is string => typeof a === 'string');
  index(rm, event, { caseId, kind: 'person', refId: personId, personId },
    { label: p.pseudonym ?? p.name ?? '', other: [...(p.pseudonym && p.name ? [p.name] : []), ...aliases], ident: '' });
}

interface Doc { caseId: string; kind: SearchKind; refId: string; personId: string | null }

function index(rm: ReadModelDb, event: RecordedEvent, doc: Doc, text: { label: string; other: string[]; ident: string }): void {
  const other = text.other.join(OTHER_SEPARATOR);
  // No RETURNING (nor any statement that needs a statement journal) while search_text has pending
  // writes: such a statement opens a savepoint, and FTS5 flushes its pending terms to a new segment
  // at every savepoint, so an upsert ... RETURNING per document made one tiny segment per document
  // and left the index to merge them (~25 µs a document, three quarters of this read model's build).
  const found = rm.stmt('SELECT doc_id FROM search_docs WHERE case_id = ? AND kind = ? AND ref_id = ?').pluck()
    .get(doc.caseId, doc.kind, doc.refId) as number | bigint | undefined;
  let docId: number | bigint = event.position;
  if (found === undefined) {
    rm.stmt('INSERT INTO search_docs(doc_id, case_id, kind, ref_id, person_id, label, other) VALUES (?,?,?,?,?,?,?)')
      .run(docId, doc.caseId, doc.kind, doc.refId, doc.personId, text.label, other);
  } else {
    docId = found;
    rm.stmt('UPDATE search_docs SET person_id = ?, label = ?, other = ? WHERE doc_id = ?').run(doc.personId, text.label, other, docId);
    rm.stmt('DELETE FROM search_text WHERE rowid = ?').run(docId);
  }
  rm.stmt('INSERT INTO search_text(rowid, label, other, ident) VALUES (?,?,?,?)')
    .run(docId, foldForSearch(text.label), foldForSearch(other), text.ident);
}

/**
 * Letters the tokenizer keeps apart from their look-alikes, folded for the index and the query
 * alike, so a Swedish keyboard finds Danish and Icelandic spellings: "Norrebro" and "Nörrebro" find
 * "Nørrebro", "faengsel" finds "Fængsel" (remove_diacritics already folds ö, ä, å, é …).
 */
const FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', đ: 'd', ł: 'l' };
export const foldForSearch = (text: string): string => text.toLowerCase().replace(/[æøœßþðđł]/g, (c) => FOLDS[c] ?? c);

/** An id as one token (`0d9f…-…` → `0d9f…`), so an id or its first characters find it and nothing else does. */
export const compactId = (id: string): string => id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
