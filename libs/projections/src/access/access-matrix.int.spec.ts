// Every query function × every viewer: exactly the allowed cases, in lists, details, counts and
// aggregates, each case-level answer with its own handling code. Fails on over- and under-sharing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HandlingCode } from '@liaison/domain';
import type { ProjectionInstance } from '../runner/projection-instance.js';
import { EventLog } from '../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../testing/projection-harness.js';
import { ALL_PROJECTIONS } from '../read-models/all-projections.js';
import { caseDetail, listCases } from '../read-models/cases/cases.queries.js';
import {
  currentDetentions, custodyReviewsDue, detentionCounts, detentionsOverTime,
} from '../read-models/detention-register/detention-register.queries.js';
import { handlerCountsByCountry, listHandlers } from '../read-models/handlers-abroad/handlers-abroad.queries.js';
import { extraditionCounts, openExtraditions } from '../read-models/extradition-tracker/extradition-tracker.queries.js';
import { deadlinesBoard } from '../read-models/deadlines-board/deadlines-board.queries.js';
import { search } from '../read-models/search/search.queries.js';
import type { Viewer } from './access-policy.js';

const NOW = '2024-12-01T00:00:00.000Z';
interface Fixture { id: string; owner: string; code: HandlingCode; text?: string; nationality: string; handlerCountry: string }
const CASES: Fixture[] = [
  { id: 'A-se-unshared', owner: 'SE', code: 'H0', nationality: 'IQ', handlerCountry: 'TR' },
  { id: 'B-se-dk-read', owner: 'SE', code: 'H1', nationality: 'SO', handlerCountry: 'ES' },
  { id: 'C-se-dk-contribute', owner: 'SE', code: 'H2', nationality: 'AF', handlerCountry: 'AE' },
  { id: 'D-se-dk-revoked', owner: 'SE', code: 'H3', text: 'D: not for court', nationality: 'SY', handlerCountry: 'CY' },
  { id: 'E-dk-no-read', owner: 'DK', code: 'H3', text: 'E: ask DK first', nationality: 'ER', handlerCountry: 'TH' },
];
const byId = new Map(CASES.map((c) => [c.id, c]));

function buildLog(log: EventLog): void {
  for (const [i, c] of CASES.entries()) {
    const caseId = c.id;
    log.add('CaseOpened', { caseId, ownerCountry: c.owner, title: `Case ${c.id}`, offenceCategory: 'homicide', handlingCode: c.code,
      ...(c.text ? { handlingText: c.text } : {}), openedBy: 'o' }, c.owner);
    log.add('PersonRegistered', { caseId, personId: 'p-1', category: 'suspect', pseudonym: `S-${i}`,
      nationalities: [{ country: c.nationality, evaluation: { source: 'B', information: 2 } }] }, c.owner);
    log.add('DetentionRecorded', { caseId, detentionId: 'd-1', personId: 'p-1', holdingCountry: 'DK', facility: 'Facility F',
      detainedAt: `2024-08-1${i}T10:00:00.000Z`, legalBasis: 'x', nextCustodyReviewAt: `2024-09-1${i}T10:00:00.000Z` }, c.owner);
    log.add('HandlerAbroadIdentified', { caseId, handlerId: 'h-1', alias: `Alias ${i}`, believedCountry: c.handlerCountry,
      platforms: ['telegram'], evaluation: { source: 'C', information: 3 } }, c.owner);
    log.add('ExtraditionRequested', { caseId, extraditionId: 'x-1', personId: 'p-1', requestingCountry: c.owner, requestedCountry: 'ES',
      route: 'european-arrest-warrant', sentAt: '2024-08-20T10:00:00.000Z' }, c.owner);
    log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-1', stage: 'arrested', reachedAt: '2024-08-21T10:00:00.000Z',
      deadlineAt: '2024-10-20T10:00:00.000Z', deadlineFor: 'decision' }, c.owner);
  }
  log.add('CaseSharedWith', { caseId: 'B-se-dk-read', partnerCountry: 'DK', level: 'read' });
  log.add('CaseSharedWith', { caseId: 'C-se-dk-contribute', partnerCountry: 'DK', level: 'contribute' });
  log.add('CaseSharedWith', { caseId: 'D-se-dk-revoked', partnerCountry: 'DK', level: 'contribute' });
  log.add('CaseSharingRevoked', { caseId: 'D-se-dk-revoked', partnerCountry: 'DK' });
  log.add('CaseSharedWith', { caseId: 'E-dk-no-read', partnerCountry: 'NO', level: 'read' }, 'DK');
}

type Labelled = { caseId: string; handlingCode: string; handlingText: string | null };

/** What every query answers for a viewer, reduced to the case ids it reveals. */
function answers(models: Map<string, ProjectionInstance>, viewer: Viewer): Record<string, string[]> {
  const db = (name: string) => models.get(name)!.db;
  const labelled: Labelled[] = [];
  const ids = <T extends Labelled>(items: T[]): string[] => {
    labelled.push(...items);
    return [...new Set(items.map((x) => x.caseId))].sort();
  };
  const caseOf = (pick: (c: Fixture) => string) => (value: string | null) => CASES.find((c) => pick(c) === value)!.id;
  const counts = detentionCounts(db('detention-register'), viewer);
  const chart = detentionsOverTime(db('detention-register'), viewer, { from: '2024-08-01T00:00:00.000Z', to: '2024-08-29T00:00:00.000Z', bucket: 'week' });
  const xCounts = extraditionCounts(db('extradition-tracker'), viewer, { now: NOW });
  // Every case has a custody review and an extradition deadline running: two board items per case.
  const board = deadlinesBoard(db('deadlines-board'), viewer, { now: NOW, limit: 500 });
  const out = {
    listCases: ids(listCases(db('cases'), viewer, { limit: 2 }).items.concat(listCases(db('cases'), viewer, { limit: 100 }).items)),
    caseDetail: ids(CASES.flatMap((c) => caseDetail(db('cases'), viewer, c.id) ?? [])),
    currentDetentions: ids(currentDetentions(db('detention-register'), viewer).items),
    custodyReviewsDue: ids(custodyReviewsDue(db('detention-register'), viewer, { before: NOW })),
    detentionCounts: counts.map((r) => caseOf((c) => c.nationality)(r.nationality)).sort(),
    detentionCountTotal: [String(counts.reduce((n, r) => n + r.count, 0))],
    detentionsOverTime: [String(chart[chart.length - 1].open), String(chart.reduce((n, b) => n + b.started, 0))],
    listHandlers: ids(listHandlers(db('handlers-abroad'), viewer, { platform: 'telegram' }).items),
    handlerCountsByCountry: handlerCountsByCountry(db('handlers-abroad'), viewer).map((r) => caseOf((c) => c.handlerCountry)(r.believedCountry)).sort(),
    openExtraditions: ids(openExtraditions(db('extradition-tracker'), viewer, { now: NOW }).items),
    overdueExtraditions: ids(openExtraditions(db('extradition-tracker'), viewer, { now: NOW, overdueOnly: true }).items),
    extraditionCounts: [String(xCounts.reduce((n, r) => n + r.count, 0)), String(xCounts.reduce((n, r) => n + r.overdue, 0))],
    deadlinesBoard: ids(board.items.map((i) => ({ caseId: i.caseId ?? '', handlingCode: i.handlingCode ?? '', handlingText: i.handlingText }))),
    deadlineCounts: [String(Object.values(board.counts).reduce((n, c) => n + c, 0))],
    searchTitles: ids(search(db('search'), viewer, { q: 'case', limit: 50 }).items),
    searchAliases: ids(search(db('search'), viewer, { q: 'alias', limit: 50 }).items),
    searchFacilities: ids(search(db('search'), viewer, { q: 'facility', limit: 50 }).items),
  };
  for (const item of labelled) {
    const c = byId.get(item.caseId)!;
    expect([item.caseId, item.handlingCode, item.handlingText]).toEqual([c.id, c.code, c.text ?? null]);
  }
  return out;
}

function expectExactly(models: Map<string, ProjectionInstance>, viewer: Viewer, visible: string[]): void {
  const n = String(visible.length);
  const sorted = [...visible].sort();
  expect(answers(models, viewer)).toEqual({
    listCases: sorted, caseDetail: sorted, currentDetentions: sorted, custodyReviewsDue: sorted, detentionCounts: sorted,
    detentionCountTotal: [n], detentionsOverTime: [n, n], listHandlers: sorted, handlerCountsByCountry: sorted,
    openExtraditions: sorted, overdueExtraditions: sorted, extraditionCounts: [n, n],
    deadlinesBoard: sorted, deadlineCounts: [String(2 * visible.length)],
    searchTitles: sorted, searchAliases: sorted, searchFacilities: sorted,
  });
}

describe('access matrix: every query × every viewer', () => {
  const log = new EventLog();
  const models = new Map<string, ProjectionInstance>();
  beforeAll(() => {
    buildLog(log);
    for (const p of ALL_PROJECTIONS) {
      const instance = memoryInstance(p);
      applyInPages(instance, log.events, 4);
      models.set(p.name, instance);
    }
  });
  afterAll(() => models.forEach((m) => m.close()));

  const seOfficer = { country: 'SE', role: 'officer' };
  const seAnalyst = { country: 'SE', role: 'analyst' };
  it.each<[string, Viewer, string[]]>([
    ['SE officer', seOfficer, ['A-se-unshared', 'B-se-dk-read', 'C-se-dk-contribute', 'D-se-dk-revoked']],
    ['SE analyst', seAnalyst, ['A-se-unshared', 'B-se-dk-read', 'C-se-dk-contribute', 'D-se-dk-revoked']],
    ['DK officer', { country: 'DK' }, ['B-se-dk-read', 'C-se-dk-contribute', 'E-dk-no-read']],
    ['NO officer', { country: 'NO' }, ['E-dk-no-read']],
    ['FI officer (nothing shared)', { country: 'FI' }, []],
  ])('%s sees exactly its cases', (_, viewer, visible) => {
    expectExactly(models, viewer, visible);
  });

  it('an analyst of the same country gets the very same answers as an officer', () => {
    expect(answers(models, seAnalyst)).toEqual(answers(models, seOfficer));
    expect(caseDetail(models.get('cases')!.db, seAnalyst, 'D-se-dk-revoked')).toEqual(caseDetail(models.get('cases')!.db, seOfficer, 'D-se-dk-revoked'));
  });

  it('revoking takes effect from the next query on; re-sharing restores it', () => {
    const revoke = log.add('CaseSharingRevoked', { caseId: 'B-se-dk-read', partnerCountry: 'DK' });
    for (const m of models.values()) applyInPages(m, [revoke]);
    expectExactly(models, { country: 'DK' }, ['C-se-dk-contribute', 'E-dk-no-read']);
    expectExactly(models, seOfficer, ['A-se-unshared', 'B-se-dk-read', 'C-se-dk-contribute', 'D-se-dk-revoked']);
    const reshare = log.add('CaseSharedWith', { caseId: 'B-se-dk-read', partnerCountry: 'DK', level: 'read' });
    for (const m of models.values()) applyInPages(m, [reshare]);
    expectExactly(models, { country: 'DK' }, ['B-se-dk-read', 'C-se-dk-contribute', 'E-dk-no-read']);
  });

  it('an owner revoking its own country changes nothing (the owner grant stays)', () => {
    const odd = log.add('CaseSharingRevoked', { caseId: 'A-se-unshared', partnerCountry: 'SE' });
    for (const m of models.values()) applyInPages(m, [odd]);
    expectExactly(models, seOfficer, ['A-se-unshared', 'B-se-dk-read', 'C-se-dk-contribute', 'D-se-dk-revoked']);
  });
});
