import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateWorkload } from '../../testing/workload.js';
import { extraditionTrackerProjection } from './extradition-tracker.projection.js';
import { extraditionCounts, openExtraditions, type OpenExtradition } from './extradition-tracker.queries.js';

const SE = { country: 'SE' };
const NOW = '2024-09-20T12:00:00.000Z';

function scenario(log: EventLog): void {
  const caseId = 'c-1';
  log.add('CaseOpened', { caseId, ownerCountry: 'SE', title: 'Extraditions', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
  const request = (extraditionId: string, requestedCountry: string, route: 'nordic-arrest-warrant' | 'european-arrest-warrant' | 'third-country') =>
    log.add('ExtraditionRequested', { caseId, extraditionId, personId: `p-${extraditionId}`, requestingCountry: 'SE', requestedCountry, route,
      sentAt: '2024-08-14T08:00:00.000Z' });
  // x-1: NAW to DK, arrested; decision deadline (30 days) passed by NOW.
  request('x-1', 'DK', 'nordic-arrest-warrant');
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-1', stage: 'arrested', reachedAt: '2024-08-15T10:00:00.000Z',
    deadlineAt: '2024-09-14T10:00:00.000Z', deadlineFor: 'decision' });
  // x-2: EAW to ES, arrested then consent: the consent deadline is earlier and applies.
  request('x-2', 'ES', 'european-arrest-warrant');
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-2', stage: 'arrested', reachedAt: '2024-09-10T10:00:00.000Z',
    deadlineAt: '2024-11-09T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionConsentRecorded', { caseId, extraditionId: 'x-2', consentedAt: '2024-09-12T10:00:00.000Z', decisionDeadlineAt: '2024-09-22T10:00:00.000Z' });
  // x-3: third country, no stage yet, no deadline.
  request('x-3', 'TR', 'third-country');
  // x-4: NAW granted, decision-final: hand-over deadline 5 days, overdue.
  request('x-4', 'DK', 'nordic-arrest-warrant');
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-4', stage: 'arrested', reachedAt: '2024-08-15T10:00:00.000Z',
    deadlineAt: '2024-09-14T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionDecided', { caseId, extraditionId: 'x-4', outcome: 'granted', grounds: 'ok', decidedAt: '2024-09-01T10:00:00.000Z' });
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-4', stage: 'decision-final', reachedAt: '2024-09-10T10:00:00.000Z',
    deadlineAt: '2024-09-15T10:00:00.000Z', deadlineFor: 'hand-over' });
  // x-5: granted, decision deadline met, awaiting decision-final: open, no deadline.
  request('x-5', 'DK', 'nordic-arrest-warrant');
  log.add('ExtraditionStageReached', { caseId, extraditionId: 'x-5', stage: 'arrested', reachedAt: '2024-08-15T10:00:00.000Z',
    deadlineAt: '2024-09-14T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionDecided', { caseId, extraditionId: 'x-5', outcome: 'granted', grounds: 'ok', decidedAt: '2024-09-01T10:00:00.000Z' });
  // x-6 refused, x-7 surrendered: not open.
  request('x-6', 'DK', 'nordic-arrest-warrant');
  log.add('ExtraditionDecided', { caseId, extraditionId: 'x-6', outcome: 'refused', grounds: 'own national', decidedAt: '2024-09-01T10:00:00.000Z' });
  request('x-7', 'DK', 'nordic-arrest-warrant');
  log.add('ExtraditionDecided', { caseId, extraditionId: 'x-7', outcome: 'granted', grounds: 'ok', decidedAt: '2024-09-01T10:00:00.000Z' });
  log.add('PersonSurrendered', { caseId, extraditionId: 'x-7', personId: 'p-x-7', surrenderedAt: '2024-09-03T10:00:00.000Z' });
}

describe('extradition tracker', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(extraditionTrackerProjection);
    scenario(log);
  });
  afterEach(() => rm.close());

  it('lists open requests nearest deadline first, with stage, days in stage, deadline and overdue at `now`', () => {
    applyInPages(rm, log.events, 3);
    const items = openExtraditions(rm.db, SE, { now: NOW }).items;
    expect(items.map((x) => [x.extraditionId, x.stage, x.daysInStage, x.deadlineAt, x.deadlineFor, x.overdue])).toEqual([
      ['x-1', 'arrested', 36, '2024-09-14T10:00:00.000Z', 'decision', true],
      ['x-4', 'decision-final', 10, '2024-09-15T10:00:00.000Z', 'hand-over', true],
      ['x-2', 'arrested', 10, '2024-09-22T10:00:00.000Z', 'decision', false],
      ['x-3', 'requested', 37, null, null, false],
      ['x-5', 'arrested', 36, null, null, false],
    ]);
    expect(items[0]).toEqual({
      caseId: 'c-1', handlingCode: 'H1', handlingText: null, extraditionId: 'x-1', personId: 'p-x-1', route: 'nordic-arrest-warrant',
      requestingCountry: 'SE', requestedCountry: 'DK', sentAt: '2024-08-14T08:00:00.000Z', stage: 'arrested', daysInStage: 36,
      consentedAt: null, decision: null, deadlineAt: '2024-09-14T10:00:00.000Z', deadlineFor: 'decision', overdue: true,
    });
  });

  it('takes now as a parameter: nothing is overdue earlier', () => {
    applyInPages(rm, log.events);
    const early = openExtraditions(rm.db, SE, { now: '2024-09-13T12:00:00+02:00' }).items;
    expect(early.filter((x) => x.overdue)).toEqual([]);
    expect(openExtraditions(rm.db, SE, { now: NOW, overdueOnly: true }).items.map((x) => x.extraditionId)).toEqual(['x-1', 'x-4']);
  });

  it('filters by route and requested country and pages with a cursor', () => {
    applyInPages(rm, log.events);
    expect(openExtraditions(rm.db, SE, { now: NOW, route: 'european-arrest-warrant' }).items.map((x) => x.extraditionId)).toEqual(['x-2']);
    expect(openExtraditions(rm.db, SE, { now: NOW, requestedCountry: 'DK' }).items.map((x) => x.extraditionId)).toEqual(['x-1', 'x-4', 'x-5']);
    const seen: OpenExtradition[] = [];
    let cursor: string | undefined;
    do {
      const page = openExtraditions(rm.db, SE, { now: NOW, limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((x) => x.extraditionId)).toEqual(['x-1', 'x-4', 'x-2', 'x-3', 'x-5']);
  });

  it('counts open requests by route × stage with overdue counts', () => {
    applyInPages(rm, log.events);
    expect(extraditionCounts(rm.db, SE, { now: NOW })).toEqual([
      { route: 'european-arrest-warrant', stage: 'arrested', count: 1, overdue: 0 },
      { route: 'nordic-arrest-warrant', stage: 'arrested', count: 2, overdue: 1 },
      { route: 'nordic-arrest-warrant', stage: 'decision-final', count: 1, overdue: 1 },
      { route: 'third-country', stage: 'requested', count: 1, overdue: 0 },
    ]);
    expect(extraditionCounts(rm.db, { country: 'DK' }, { now: NOW })).toEqual([]);
  });

  it('pages through a large workload without gaps or repeats, counts matching the list', () => {
    const workload = generateWorkload({ cases: 200, seed: 9 });
    applyInPages(rm, workload.events, 300);
    const all = openExtraditions(rm.db, SE, { now: NOW, limit: 500 }).items;
    const paged: OpenExtradition[] = [];
    let cursor: string | undefined;
    do {
      const page = openExtraditions(rm.db, SE, { now: NOW, limit: 3, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
    const counts = extraditionCounts(rm.db, SE, { now: NOW });
    expect(counts.reduce((n, r) => n + r.count, 0)).toBe(all.length);
    expect(counts.reduce((n, r) => n + r.overdue, 0)).toBe(all.filter((x) => x.overdue).length);
  });
});

describeProjectionContract(extraditionTrackerProjection);
