import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Statement } from 'better-sqlite3';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateWorkload } from '../../testing/workload.js';
import { detentionRegisterProjection } from './detention-register.projection.js';
import { currentDetentions, custodyReviewsDue, detentionCounts, detentionsOverTime, type DetentionEntry } from './detention-register.queries.js';

const SE = { country: 'SE' };
const ev = { source: 'A', information: 1 } as const;
const nat = (...countries: string[]) => countries.map((country) => ({ country, evaluation: ev }));

function scenario(log: EventLog): void {
  const caseId = 'c-1';
  log.add('CaseOpened', { caseId, ownerCountry: 'SE', title: 'Explosion in Malmö', offenceCategory: 'explosives', handlingCode: 'H2', openedBy: 'o' });
  log.add('PersonRegistered', { caseId, personId: 'p-1', category: 'suspect', pseudonym: 'Suspect A', nationalities: nat('SE') });
  log.add('PersonRegistered', { caseId, personId: 'p-2', category: 'suspect', name: 'Ali B', nationalities: nat('SE', 'IQ') });
  log.add('PersonRegistered', { caseId, personId: 'p-3', category: 'suspect', pseudonym: 'Suspect C', nationalities: [] });
  log.add('PersonRegistered', { caseId, personId: 'p-4', category: 'suspect', pseudonym: 'Suspect D', nationalities: nat('SE') });
  log.add('DetentionRecorded', { caseId, detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'Vestre Fængsel',
    detainedAt: '2024-08-10T12:00:00.000Z', legalBasis: 'x', nextCustodyReviewAt: '2024-08-24T09:00:00.000Z' });
  log.add('DetentionRecorded', { caseId, detentionId: 'd-2', personId: 'p-2', holdingCountry: 'DK', facility: 'Vestre Fængsel',
    detainedAt: '2024-08-12T14:00:00+02:00', legalBasis: 'x', nextCustodyReviewAt: '2024-08-26T09:00:00.000Z' });
  log.add('DetentionRecorded', { caseId, detentionId: 'd-3', personId: 'p-3', holdingCountry: 'ES', facility: 'Soto del Real',
    detainedAt: '2024-08-11T08:00:00.000Z', legalBasis: 'x', nextCustodyReviewAt: '2024-08-20T09:00:00.000Z' });
  log.add('DetentionRecorded', { caseId, detentionId: 'd-4', personId: 'p-4', holdingCountry: 'DK', facility: 'Nyborg',
    detainedAt: '2024-08-09T08:00:00.000Z', legalBasis: 'x', nextCustodyReviewAt: '2024-08-19T09:00:00.000Z' });
  log.add('DetentionEnded', { caseId, detentionId: 'd-4', outcome: 'released', endedAt: '2024-08-11T10:00:00.000Z' });
}

describe('detention register', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(detentionRegisterProjection);
    scenario(log);
  });
  afterEach(() => rm.close());

  it('lists open detentions with person, current nationalities and case handling code, newest first', () => {
    applyInPages(rm, log.events, 3);
    const page = currentDetentions(rm.db, SE);
    expect(page.nextCursor).toBeUndefined();
    expect(page.items).toEqual([
      { caseId: 'c-1', handlingCode: 'H2', handlingText: null, detentionId: 'd-2', personId: 'p-2', category: 'suspect', name: 'Ali B',
        pseudonym: null, nationalities: ['IQ', 'SE'], holdingCountry: 'DK', facility: 'Vestre Fængsel',
        detainedAt: '2024-08-12T12:00:00.000Z', nextCustodyReviewAt: '2024-08-26T09:00:00.000Z' },
      expect.objectContaining({ detentionId: 'd-3', nationalities: [], holdingCountry: 'ES' }),
      expect.objectContaining({ detentionId: 'd-1', nationalities: ['SE'], pseudonym: 'Suspect A' }),
    ]);
    expect(currentDetentions(rm.db, SE, { holdingCountry: 'ES' }).items.map((d) => d.detentionId)).toEqual(['d-3']);
    expect(currentDetentions(rm.db, SE, { nationality: 'IQ' }).items.map((d) => d.detentionId)).toEqual(['d-2']);
  });

  it('counts nationality × holding country in one query; a dual national counts under each nationality', () => {
    applyInPages(rm, log.events);
    expect(detentionCounts(rm.db, SE)).toEqual([
      { nationality: null, holdingCountry: 'ES', count: 1 },
      { nationality: 'IQ', holdingCountry: 'DK', count: 1 },
      { nationality: 'SE', holdingCountry: 'DK', count: 2 },
    ]);
    // "How many Swedish citizens are detained in Denmark?"
    expect(detentionCounts(rm.db, SE, { nationality: 'SE', holdingCountry: 'DK' })).toEqual([{ nationality: 'SE', holdingCountry: 'DK', count: 2 }]);
  });

  it('follows nationalities recorded or retracted after the detention', () => {
    log.add('NationalityRecorded', { caseId: 'c-1', personId: 'p-3', country: 'SE', evaluation: ev });
    log.add('NationalityRetracted', { caseId: 'c-1', personId: 'p-2', country: 'SE', reason: 'wrong' });
    applyInPages(rm, log.events);
    expect(detentionCounts(rm.db, SE)).toEqual([
      { nationality: 'IQ', holdingCountry: 'DK', count: 1 },
      { nationality: 'SE', holdingCountry: 'DK', count: 1 },
      { nationality: 'SE', holdingCountry: 'ES', count: 1 },
    ]);
    expect(currentDetentions(rm.db, SE, { nationality: 'SE' }).items.map((d) => d.detentionId)).toEqual(['d-3', 'd-1']);
  });

  it('lists custody reviews due before an instant, soonest first, following extensions', () => {
    log.add('CustodyExtended', { caseId: 'c-1', detentionId: 'd-3', nextCustodyReviewAt: '2024-09-20T09:00:00.000Z' });
    applyInPages(rm, log.events);
    const due = (before: string) => custodyReviewsDue(rm.db, SE, { before }).map((d: DetentionEntry) => d.detentionId);
    expect(due('2024-08-25T00:00:00.000Z')).toEqual(['d-1']);
    expect(due('2024-08-26T09:00:00.001Z')).toEqual(['d-1', 'd-2']);
    expect(due('2024-08-26T11:00:00+02:00')).toEqual(['d-1']);
    expect(() => due('tomorrow')).toThrow(RangeError);
  });

  it('reads due reviews by the review index, with the same answer as reading every open detention of the viewer\'s cases', () => {
    // No planner statistics for the detentions, as in a live file whose statistics were taken while it
    // was still empty: the planner then prefers to go case by case through the viewer's cases.
    applyInPages(rm, generateWorkload({ cases: 150, seed: 12 }).events, 250);
    for (const sql of detentionRegisterProjection.indexes ?? []) rm.db.exec(sql);
    const all = jest.spyOn(Object.getPrototypeOf(rm.db.prepare('SELECT 1')) as Statement, 'all');
    const reviews = custodyReviewsDue(rm.db, SE, { before: '2100-01-01T00:00:00.000Z', limit: 1000 });
    const k = (all.mock.contexts as Statement[]).findIndex((st) => st.source.includes('next_review_at <'));
    const [source, args] = [(all.mock.contexts as Statement[])[k].source, all.mock.calls[k]];
    all.mockRestore();
    const plan = (rm.db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    expect(plan.filter((d) => d.startsWith('SEARCH d USING INDEX dr_open_by_review'))).toHaveLength(1);
    // The same rows, in the same order, as the query without the index named, for several instants.
    expect(reviews.length).toBeGreaterThan(20);
    const unhinted = rm.db.prepare(source.replace(' INDEXED BY dr_open_by_review', ''));
    for (const r of [reviews[0], reviews[Math.floor(reviews.length / 2)], reviews[reviews.length - 1]]) {
      const at = { ...args[0] as Record<string, unknown>, before: r.nextCustodyReviewAt };
      expect(rm.db.prepare(source).all(at)).toEqual(unhinted.all(at));
    }
  });

  it('charts detentions open at each bucket start and started within each bucket', () => {
    applyInPages(rm, log.events);
    const days = detentionsOverTime(rm.db, SE, { from: '2024-08-09T00:00:00.000Z', to: '2024-08-13T00:00:00.000Z', bucket: 'day' });
    expect(days).toEqual([
      { at: '2024-08-09T00:00:00.000Z', open: 0, started: 1 },
      { at: '2024-08-10T00:00:00.000Z', open: 1, started: 1 },
      { at: '2024-08-11T00:00:00.000Z', open: 2, started: 1 },
      { at: '2024-08-12T00:00:00.000Z', open: 2, started: 1 }, // d-4 ended on the 11th
      { at: '2024-08-13T00:00:00.000Z', open: 3, started: 0 },
    ]);
    const weeks = detentionsOverTime(rm.db, SE, { from: '2024-08-05T00:00:00.000Z', to: '2024-08-19T00:00:00.000Z', bucket: 'week' });
    expect(weeks.map((w) => [w.open, w.started])).toEqual([[0, 3], [2, 1], [3, 0]]);
    expect(detentionsOverTime(rm.db, { country: 'DK' }, { from: '2024-08-05T00:00:00.000Z', to: '2024-08-19T00:00:00.000Z', bucket: 'week' })
      .map((w) => [w.open, w.started])).toEqual([[0, 0], [0, 0], [0, 0]]);
  });

  it('pages through a large register without gaps or repeats', () => {
    const workload = generateWorkload({ cases: 150, seed: 11 });
    applyInPages(rm, workload.events, 250);
    const all = currentDetentions(rm.db, SE, { limit: 500 }).items;
    const paged: DetentionEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = currentDetentions(rm.db, SE, { limit: 4, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
    const total = detentionCounts(rm.db, SE).reduce((n, r) => n + r.count, 0);
    const persons = new Set(all.map((d) => `${d.caseId}/${d.personId}`));
    expect(total).toBe(all.reduce((n, d) => n + Math.max(1, d.nationalities.length), 0));
    expect(persons.size).toBe(all.length);
  });
});

describeProjectionContract(detentionRegisterProjection);
