import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance, rebuiltChecksum } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { readModelChecksum } from '../../testing/read-model-checksum.js';
import { generateWorkload } from '../../testing/workload.js';
import { InvalidQueryParameter } from '../shared/read-model-helpers.js';
import { searchProjection } from './search.projection.js';
import { search, searchExpression, type SearchHit } from './search.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const NO = { country: 'NO' };
const ev = { source: 'B', information: 2 } as const;
const NORDLYS = '5594b5ff-ce00-57e1-b011-978ee6d74835';
const HAVN = '0d9f4c1e-7a2b-5c3d-8e4f-a1b2c3d4e5f6';

function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: NORDLYS, ownerCountry: 'SE', title: 'Operation Nordlys: hired teenagers', offenceCategory: 'homicide',
    handlingCode: 'H2', openedBy: 'o' });
  log.add('CaseSharedWith', { caseId: NORDLYS, partnerCountry: 'DK', level: 'contribute' });
  log.add('PersonRegistered', { caseId: NORDLYS, personId: 'p-a', category: 'suspect', pseudonym: 'Ungdom A', aliases: ['lillen_cph', 'Kniven'],
    birthYear: 2007, nationalities: [] });
  log.add('PersonRegistered', { caseId: NORDLYS, personId: 'p-b', category: 'victim', name: 'Jane Exempel', pseudonym: 'Offret', nationalities: [] });
  log.add('HandlerAbroadIdentified', { caseId: NORDLYS, handlerId: 'h-1', alias: "Handler 'Menu-Man'", believedCountry: 'AE',
    platforms: ['telegram'], evaluation: ev });
  log.add('DetentionRecorded', { caseId: NORDLYS, detentionId: 'd-1', personId: 'p-a', holdingCountry: 'DK', facility: 'Vestre Fængsel',
    detainedAt: '2024-08-12T23:40:00Z', legalBasis: '§ 762', nextCustodyReviewAt: '2024-10-07T09:00:00Z' }, 'DK');
  log.add('CaseOpened', { caseId: HAVN, ownerCountry: 'DK', title: 'Operation Havnefront: local accomplices', offenceCategory: 'homicide',
    handlingCode: 'H3', handlingText: 'Ask DK first', openedBy: 'o' }, 'DK');
  log.add('PersonRegistered', { caseId: HAVN, personId: 'p-1', category: 'suspect', pseudonym: 'Havnefront-ung 1', aliases: ['Ungdom X'],
    nationalities: [] }, 'DK');
  log.add('HandlerAbroadIdentified', { caseId: HAVN, handlerId: 'h-9', alias: 'Klippet', believedCountry: 'TR',
    platforms: ['tiktok', 'telegram'], evaluation: ev }, 'DK');
}

const refs = (hits: SearchHit[]) => hits.map((h) => `${h.kind}:${h.refId}`);

describe('search read model', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(searchProjection);
    scenario(log);
    applyInPages(rm, log.events, 3);
  });
  afterEach(() => rm.close());
  const find = (q: string, viewer = SE) => search(rm.db, viewer, { q }).items;

  it('finds a person by pseudonym, by a prefix of it (type-ahead), and by an alias, with the case it belongs to', () => {
    expect(find('Ungdom A')).toEqual([{
      caseId: NORDLYS, handlingCode: 'H2', handlingText: null, caseTitle: 'Operation Nordlys: hired teenagers', ownerCountry: 'SE',
      kind: 'person', refId: 'p-a', label: 'Ungdom A', also: ['lillen_cph', 'Kniven'], person: null,
    }]);
    expect(refs(find('ungd'))).toEqual(['person:p-a']);
    expect(refs(find('lillen'))).toEqual(['person:p-a']);
    expect(refs(find('lillen_cph'))).toEqual(['person:p-a']);
    expect(refs(find('KNIV'))).toEqual(['person:p-a']);
    // A name beside a pseudonym is searchable too.
    expect(find('jane exempel')).toMatchObject([{ kind: 'person', label: 'Offret', also: ['Jane Exempel'] }]);
  });

  it('finds a handler by alias and by platform, a facility (without diacritics too), a case by title and by id', () => {
    expect(refs(find('menu-man'))).toEqual(['handler:h-1']);
    expect(refs(find('telegram'))).toEqual(['handler:h-1']);
    expect(find('Vestre Fængsel')).toMatchObject([{ kind: 'detention', refId: 'd-1', label: 'Vestre Fængsel', person: 'Ungdom A' }]);
    expect(refs([...find('faengsel'), ...find('fængs')])).toEqual(['detention:d-1', 'detention:d-1']);
    expect(refs(find('nordlys'))).toEqual([`case:${NORDLYS}`]);
    expect(refs([...find('NORDLYS'), ...find('nördlys'), ...find('nørdlys')])).toEqual([`case:${NORDLYS}`, `case:${NORDLYS}`, `case:${NORDLYS}`]);
    expect(refs(find(NORDLYS))).toEqual([`case:${NORDLYS}`]);
    expect(refs(find(NORDLYS.slice(0, 8)))).toEqual([`case:${NORDLYS}`]);
    expect(refs(find(NORDLYS.toUpperCase().slice(0, 13)))).toEqual([`case:${NORDLYS}`]);
    // Words never match ids: a year or a stray digit group stays out of them.
    expect(find('5594')).toEqual(find('5594b5ff'));
    expect(find('ce00')).toEqual([]);
  });

  it('requires every word, in any order', () => {
    expect(refs(find('teenagers nordlys'))).toEqual([`case:${NORDLYS}`]);
    expect(find('nordlys havnefront')).toEqual([]);
  });

  it('shows nothing of a case the viewer may not see', () => {
    expect(find('Klippet')).toEqual([]);
    expect(find('Havnefront')).toEqual([]);
    expect(find(HAVN)).toEqual([]);
    // "Ungdom X" is an alias in the Danish case only.
    expect(refs(find('ungdom'))).toEqual(['person:p-a']);
    expect(refs(find('ungdom', DK)).sort()).toEqual(['person:p-1', 'person:p-a']);
    expect(refs(find('telegram', DK)).sort()).toEqual(['handler:h-1', 'handler:h-9']);
    expect(find('nordlys', NO)).toEqual([]);
  });

  it('follows access changes: a revocation removes the hits, a share adds them', () => {
    applyInPages(rm, [log.add('CaseSharingRevoked', { caseId: NORDLYS, partnerCountry: 'DK' })]);
    expect(find('ungdom a', DK)).toEqual([]);
    expect(refs(find('ungdom', DK))).toEqual(['person:p-1']);
    applyInPages(rm, [log.add('CaseSharedWith', { caseId: HAVN, partnerCountry: 'SE', level: 'read' }, 'DK')]);
    expect(refs(find('klippet'))).toEqual(['handler:h-9']);
    expect(find('havnefront')).toMatchObject([
      { kind: 'case', refId: HAVN, handlingCode: 'H3', handlingText: 'Ask DK first' },
      { kind: 'person', refId: 'p-1', label: 'Havnefront-ung 1', caseTitle: 'Operation Havnefront: local accomplices' },
    ]);
  });

  it('ranks a match in a title, pseudonym or alias above one among other values', () => {
    applyInPages(rm, [log.add('PersonRegistered', { caseId: NORDLYS, personId: 'p-c', category: 'contact', pseudonym: 'Telegram-kontakt',
      nationalities: [] })]);
    expect(refs(find('telegram'))).toEqual(['person:p-c', 'handler:h-1']);
  });

  it('treats FTS5 syntax as plain text: quotes, operators, column filters and stars never reach the query language', () => {
    for (const q of ['"', 'nordlys"', 'NOT nordlys', 'nordlys OR', 'label:nordlys', 'ident : 5594', '(nordlys', 'nord*', '^nordlys',
      'NEAR(nordlys havnefront)', 'nordlys AND', '-nordlys', '+nordlys', "nordlys'); DROP TABLE search_docs; --", '{label}: x']) {
      let hits: SearchHit[] | undefined;
      let error: unknown;
      try {
        hits = find(q);
      } catch (e) {
        error = e;
      }
      expect([q, error === undefined || error instanceof InvalidQueryParameter]).toEqual([q, true]);
      if (hits) expect([q, hits.every((h) => h.ownerCountry === 'SE')]).toEqual([q, true]);
    }
    expect(refs(find('NOT nordlys'))).toEqual([]);
    expect(refs(find('"Ungdom A"'))).toEqual(['person:p-a']);
    expect(refs(find('label:nordlys'))).toEqual([]);
    expect((rm.db.prepare('SELECT COUNT(*) AS n FROM search_docs').get() as { n: number }).n).toBe(8);
  });

  it('answers unusable text with InvalidQueryParameter naming q', () => {
    for (const q of ['', '   ', '!!', 'a', '«»', 'x'.repeat(201), 'a b c d e f g h i', 'nordlys\u0000']) {
      expect(() => searchExpression(q)).toThrow(InvalidQueryParameter);
      try {
        searchExpression(q);
      } catch (e) {
        expect((e as InvalidQueryParameter).field).toBe('q');
      }
    }
    expect(searchExpression('Ungdom A')).toBe('{label other} : ("ungdom"* AND "a"*)');
    expect(searchExpression('menu-man')).toBe('({label other} : ("menu"* AND "man"*)) OR (ident : "menuman"*)');
  });

  it('pages by cursor without gaps or repeats', () => {
    const workload = generateWorkload({ cases: 60, seed: 3 });
    const big = memoryInstance(searchProjection);
    try {
      applyInPages(big, workload.events, 100);
      const all = search(big.db, SE, { q: 'suspect', limit: 50 }).items;
      expect(all.length).toBeGreaterThan(5);
      const paged: SearchHit[] = [];
      let cursor: string | undefined;
      do {
        const page = search(big.db, SE, { q: 'suspect', limit: 2, cursor });
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.slice(0, paged.length));
    } finally {
      big.close();
    }
  });

  it('a rebuild equals the model built in pages, after a rewound suffix was applied again', () => {
    const again = memoryInstance(searchProjection);
    try {
      applyInPages(again, log.events, 1);
      again.db.prepare('UPDATE _checkpoint SET position = ? WHERE id = 1').run(2);
      again.checkpoint = 2n;
      applyInPages(again, log.events.slice(3), 2);
      expect(readModelChecksum(again.db)).toBe(rebuiltChecksum(searchProjection, log.events));
      expect(readModelChecksum(rm.db)).toBe(rebuiltChecksum(searchProjection, log.events));
    } finally {
      again.close();
    }
  });
});

/**
 * FTS5's write counter: leaf pages its flushes of pending terms have written (one at least per flush),
 * the third varint after the 4-byte cookie of its structure record (fts5_index.c, fts5StructureDecode).
 */
function leavesFlushed(db: ProjectionInstance['db']): number {
  const block = db.prepare('SELECT block FROM search_text_data WHERE id = 10').pluck().get() as Buffer;
  let at = 4;
  const varint = (): number => {
    let n = 0;
    for (let b = 0x80; b & 0x80; at++) n = n * 128 + ((b = block[at]) & 0x7f);
    return n;
  };
  varint(); // levels
  varint(); // segments now
  return varint();
}

describe('search index upkeep', () => {
  it('a page of documents reaches the index as a few leaf pages, not a flush per document', () => {
    // A statement that opens a savepoint (an upsert ... RETURNING did) makes FTS5 flush its pending
    // terms: with one per document, a build spent most of its time writing and merging tiny segments.
    const instance = memoryInstance(searchProjection);
    applyInPages(instance, generateWorkload({ cases: 60, seed: 7 }).events);
    const docs = instance.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
    expect(docs).toBeGreaterThan(250);
    expect(leavesFlushed(instance.db)).toBeLessThan(10);
    instance.close();
  });
});

describeProjectionContract(searchProjection);
