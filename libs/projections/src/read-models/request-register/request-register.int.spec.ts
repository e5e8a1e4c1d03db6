import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { fileRequest } from '../../testing/information-request-fixtures.js';
import { generateRequestWorkload } from '../../testing/information-request-workload.js';
import { requestRegisterProjection } from './request-register.projection.js';
import {
  informationRequestDetail, listInformationRequests, type InformationRequestEntry, type ListInformationRequestsOptions,
} from './request-register.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const NO = { country: 'NO' };
const FI = { country: 'FI' };
const NOW = '2024-10-10T12:00:00.000Z';

function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-1', ownerCountry: 'SE', title: 'Wave of explosions', offenceCategory: 'explosives', handlingCode: 'H1', openedBy: 'o' });
  log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'NO', level: 'read' });
  // ir-1: SE → DK, urgent, directly accessible (8 h from 06:00): answered in time.
  fileRequest(log, { requestId: 'ir-1', from: 'SE', to: 'DK', urgent: true, access: 'direct', receivedAt: '2024-10-10T06:00:00.000Z' });
  log.request('RequestAcknowledged', { requestId: 'ir-1', acknowledgedAt: '2024-10-10T08:30:00+02:00' }, 'DK');
  log.request('InformationProvided', { requestId: 'ir-1', providedAt: '2024-10-10T10:00:00.000Z', summary: 'Address', partial: false, late: false }, 'DK');
  // ir-2: DK → SE, 7 days: refused on grounds (f) and (g).
  fileRequest(log, { requestId: 'ir-2', from: 'DK', to: 'SE', receivedAt: '2024-10-01T08:00:00.000Z' });
  log.request('RequestRefused', { requestId: 'ir-2', refusedAt: '2024-10-05T08:00:00.000Z', partial: false,
    grounds: [{ ground: 'f', reason: 'Would jeopardise an investigation' }, { ground: 'g', reason: 'Fine only' }] });
  // ir-3: SE → DK about case c-1, 7 days: waiting for a judicial authorisation (Art. 5(2)).
  fileRequest(log, { requestId: 'ir-3', from: 'SE', to: 'DK', caseId: 'c-1', receivedAt: '2024-10-05T09:00:00.000Z' });
  log.request('JudicialAuthorisationPending', { requestId: 'ir-3', noticeSentAt: '2024-10-06T09:00:00.000Z', expectedDelayDays: 5,
    reason: 'Court order needed' }, 'DK');
  // ir-4: SE → DK, urgent, indirectly accessible (3 days from 10-06 12:00): acknowledged, overdue at NOW.
  fileRequest(log, { requestId: 'ir-4', from: 'SE', to: 'DK', urgent: true, access: 'indirect', receivedAt: '2024-10-06T12:00:00.000Z' });
  log.request('RequestAcknowledged', { requestId: 'ir-4', acknowledgedAt: '2024-10-06T13:00:00.000Z' }, 'DK');
  // ir-5: NO → SE, 7 days (due 10-15 10:00): SE asked for a clarification on 10-09 10:00 (Art. 6(3)); the clock stands still.
  fileRequest(log, { requestId: 'ir-5', from: 'NO', to: 'SE', receivedAt: '2024-10-08T10:00:00.000Z' });
  log.request('ClarificationRequested', { requestId: 'ir-5', question: 'Which of the two brothers?', requestedAt: '2024-10-09T10:00:00.000Z' });
  // ir-6: DK → SE, 7 days (due 10-09 00:00); a one-day clarification moves it to 10-10 00:00; part refused, part answered.
  fileRequest(log, { requestId: 'ir-6', from: 'DK', to: 'SE', receivedAt: '2024-10-02T00:00:00.000Z' });
  log.request('ClarificationRequested', { requestId: 'ir-6', question: 'Which car?', requestedAt: '2024-10-03T00:00:00.000Z' });
  log.request('ClarificationProvided', { requestId: 'ir-6', answer: 'The red one', providedAt: '2024-10-04T00:00:00.000Z',
    deadlineAt: '2024-10-10T00:00:00.000Z' }, 'DK');
  log.request('RequestRefused', { requestId: 'ir-6', refusedAt: '2024-10-04T12:00:00.000Z', partial: true, grounds: [{ ground: 'a', reason: 'Not held' }] });
  log.request('InformationProvided', { requestId: 'ir-6', providedAt: '2024-10-05T00:00:00.000Z', summary: 'Owner', partial: true, late: false });
}

describe('request register', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(requestRegisterProjection);
    scenario(log);
  });
  afterEach(() => rm.close());
  const ids = (page: { items: InformationRequestEntry[] }): string[] => page.items.map((r) => r.requestId);
  const list = (viewer: { country: string }, o: Partial<ListInformationRequestsOptions> = {}): string[] =>
    ids(listInformationRequests(rm.db, viewer, { now: NOW, ...o }));

  it('keeps one row per request with its clock, status, steps and the direction seen by each side', () => {
    applyInPages(rm, log.events, 3);
    const ir1 = informationRequestDetail(rm.db, SE, 'ir-1', { now: NOW });
    expect(ir1).toEqual({
      requestId: 'ir-1', caseId: null, direction: 'outgoing', requestingCountry: 'SE', requestedCountry: 'DK', counterpartCountry: 'DK',
      requestingAuthority: 'SE SPOC', informationSought: 'Registered address of the person in ir-1', purpose: 'Locating a suspect of an explosion',
      urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity', access: 'direct', language: 'en', channel: 'siena',
      rule: '8h', timeZone: 'Europe/Copenhagen', receivedAt: '2024-10-10T06:00:00.000Z', originalDeadlineAt: '2024-10-10T14:00:00.000Z',
      deadlineAt: '2024-10-10T14:00:00.000Z', deadlineInForce: '2024-10-10T14:00:00.000Z', paused: false, pausedSince: null,
      clarificationPending: false, authorisationPending: false, status: 'answered', acknowledgedAt: '2024-10-10T06:30:00.000Z',
      clarificationRequestedAt: null, clarificationProvidedAt: null, authorisationNoticedAt: null, expectedDelayDays: null,
      authorisationObtainedAt: null, providedAt: '2024-10-10T10:00:00.000Z', partiallyAnswered: false, refusedAt: null,
      partiallyRefused: false, refusalGrounds: [], withdrawnAt: null, forwardedAt: null, forwardedTo: null, late: false, overdue: false,
      lastPosition: ir1!.lastPosition, steps: [
        expect.objectContaining({ type: 'InformationRequested', at: '2024-10-10T06:00:00.000Z', country: 'SE' }),
        { type: 'RequestAcknowledged', at: '2024-10-10T06:30:00.000Z', country: 'DK', detail: {} },
        { type: 'InformationProvided', at: '2024-10-10T10:00:00.000Z', country: 'DK', detail: { summary: 'Address', partial: false, late: false } },
      ],
    });
    // The requested side sees the same request as incoming.
    expect(informationRequestDetail(rm.db, DK, 'ir-1')).toMatchObject({ direction: 'incoming', counterpartCountry: 'SE', overdue: null });
    // Applying the same events again adds no step.
    applyInPages(rm, log.events, 2);
    expect(informationRequestDetail(rm.db, SE, 'ir-1')!.steps).toHaveLength(3);

    expect(informationRequestDetail(rm.db, SE, 'ir-2', { now: NOW })).toMatchObject({ direction: 'incoming', status: 'refused',
      refusedAt: '2024-10-05T08:00:00.000Z', partiallyRefused: false, overdue: false,
      refusalGrounds: [{ ground: 'f', reason: 'Would jeopardise an investigation' }, { ground: 'g', reason: 'Fine only' }] });
    expect(informationRequestDetail(rm.db, SE, 'ir-3', { now: NOW })).toMatchObject({ caseId: 'c-1', status: 'authorisation_pending',
      paused: true, pausedSince: '2024-10-06T09:00:00.000Z', authorisationPending: true, authorisationNoticedAt: '2024-10-06T09:00:00.000Z',
      expectedDelayDays: 5, deadlineAt: '2024-10-12T09:00:00.000Z', overdue: false,
      // Stopped 3 days before the deadline, 4 days 3 hours ago: the deadline in force has moved by those 4 days 3 hours.
      deadlineInForce: '2024-10-16T12:00:00.000Z' });
    expect(informationRequestDetail(rm.db, SE, 'ir-4', { now: NOW })).toMatchObject({ rule: '3d', status: 'acknowledged',
      deadlineInForce: '2024-10-09T12:00:00.000Z', overdue: true });
    // Due 10-15 10:00, stopped on 10-09 10:00: at NOW (26 hours later) the deadline in force is 10-16 12:00.
    expect(informationRequestDetail(rm.db, SE, 'ir-5', { now: NOW })).toMatchObject({ direction: 'incoming', counterpartCountry: 'NO',
      status: 'clarification_pending', paused: true, clarificationPending: true, deadlineAt: '2024-10-15T10:00:00.000Z',
      deadlineInForce: '2024-10-16T12:00:00.000Z', overdue: false });
    expect(informationRequestDetail(rm.db, SE, 'ir-6', { now: NOW })).toMatchObject({ status: 'partially_answered', paused: false,
      originalDeadlineAt: '2024-10-09T00:00:00.000Z', deadlineAt: '2024-10-10T00:00:00.000Z', clarificationRequestedAt: '2024-10-03T00:00:00.000Z',
      clarificationProvidedAt: '2024-10-04T00:00:00.000Z', partiallyAnswered: true, partiallyRefused: true,
      refusalGrounds: [{ ground: 'a', reason: 'Not held' }], overdue: true });
  });

  it('follows the clock through an authorisation obtained and a withdrawal', () => {
    log.request('JudicialAuthorisationObtained', { requestId: 'ir-3', obtainedAt: '2024-10-09T09:00:00.000Z', deadlineAt: '2024-10-15T09:00:00.000Z' }, 'DK');
    log.request('InformationProvided', { requestId: 'ir-3', providedAt: '2024-10-09T10:00:00.000Z', summary: 'Bank records', partial: false, late: false }, 'DK');
    log.request('RequestForwardedTo', { requestId: 'ir-4', authority: 'Customs', forwardedAt: '2024-10-07T09:00:00.000Z' }, 'DK');
    log.request('RequestWithdrawn', { requestId: 'ir-5', withdrawnAt: '2024-10-09T12:00:00.000Z', reason: 'Solved' }, 'NO');
    applyInPages(rm, log.events);
    expect(informationRequestDetail(rm.db, DK, 'ir-3', { now: NOW })).toMatchObject({ status: 'answered', paused: false,
      authorisationObtainedAt: '2024-10-09T09:00:00.000Z', deadlineAt: '2024-10-15T09:00:00.000Z', overdue: false });
    expect(informationRequestDetail(rm.db, DK, 'ir-4', { now: NOW })).toMatchObject({ status: 'forwarded', forwardedTo: 'Customs', overdue: true });
    expect(informationRequestDetail(rm.db, NO, 'ir-5', { now: NOW })).toMatchObject({ status: 'withdrawn', paused: true, overdue: false });
  });

  it('shows a request to its two countries only: not to a third country, not through a linked case', () => {
    applyInPages(rm, log.events);
    expect(list(SE)).toEqual(['ir-1', 'ir-5', 'ir-4', 'ir-3', 'ir-6', 'ir-2']);
    expect(list(DK)).toEqual(['ir-1', 'ir-4', 'ir-3', 'ir-6', 'ir-2']);
    // NO may see case c-1 but not ir-3, which is about it.
    expect(list(NO)).toEqual(['ir-5']);
    expect(list(NO, { caseId: 'c-1' })).toEqual([]);
    expect(informationRequestDetail(rm.db, NO, 'ir-3')).toBeNull();
    expect(list(FI)).toEqual([]);
    for (const id of ['ir-1', 'ir-2', 'ir-3', 'ir-4', 'ir-5', 'ir-6', 'ir-7']) expect(informationRequestDetail(rm.db, FI, id)).toBeNull();
  });

  it('filters by direction, other country, status, urgency, due before, overdue and case', () => {
    applyInPages(rm, log.events);
    expect(list(SE, { direction: 'outgoing' })).toEqual(['ir-1', 'ir-4', 'ir-3']);
    expect(list(SE, { direction: 'incoming' })).toEqual(['ir-5', 'ir-6', 'ir-2']);
    expect(list(SE, { country: 'NO' })).toEqual(['ir-5']);
    expect(list(SE, { country: 'DK', direction: 'incoming' })).toEqual(['ir-6', 'ir-2']);
    expect(list(SE, { status: 'refused' })).toEqual(['ir-2']);
    expect(list(SE, { status: 'clarification_pending' })).toEqual(['ir-5']);
    expect(list(DK, { status: 'authorisation_pending' })).toEqual(['ir-3']);
    expect(list(SE, { urgent: true })).toEqual(['ir-1', 'ir-4']);
    expect(list(SE, { urgent: false })).toEqual(['ir-5', 'ir-3', 'ir-6', 'ir-2']);
    // Open with the clock running: ir-4 (10-09 12:00) and ir-6 (10-10 00:00); the paused ir-3 and ir-5 have no running deadline.
    expect(list(SE, { dueBefore: '2024-10-11T00:00:00.000Z' })).toEqual(['ir-4', 'ir-6']);
    expect(list(SE, { dueBefore: '2024-10-09T20:00:00+02:00' })).toEqual(['ir-4']);
    expect(list(SE, { overdueOnly: true })).toEqual(['ir-4', 'ir-6']);
    expect(list(SE, { overdueOnly: true, now: '2024-10-09T18:00:00.000Z' })).toEqual(['ir-4']);
    expect(list(DK, { caseId: 'c-1' })).toEqual(['ir-3']);
    expect(() => list(SE, { dueBefore: 'soon' })).toThrow(RangeError);
  });

  it('pages through many requests newest receipt first without gaps or repeats', () => {
    const workload = generateRequestWorkload({ requests: 400, seed: 3 });
    applyInPages(rm, workload.events, 250);
    const all = listInformationRequests(rm.db, SE, { now: NOW, limit: 500 }).items;
    const paged: InformationRequestEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = listInformationRequests(rm.db, SE, { now: NOW, limit: 7, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((r) => r.requestingCountry === 'SE' || r.requestedCountry === 'SE')).toBe(true);
    expect(all.map((r) => r.receivedAt)).toEqual(all.map((r) => r.receivedAt).sort().reverse());
    const statuses = new Set(all.map((r) => r.status));
    expect(statuses.size).toBeGreaterThanOrEqual(7);
  });
});

describeProjectionContract(requestRegisterProjection, () => generateRequestWorkload({ requests: 300, seed: 7 }));
