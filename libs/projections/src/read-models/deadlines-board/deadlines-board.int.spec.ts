import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { fileRequest } from '../../testing/information-request-fixtures.js';
import { generateRequestWorkload } from '../../testing/information-request-workload.js';
import { deadlinesBoardProjection } from './deadlines-board.projection.js';
import { deadlinesBoard, type DeadlineItem, type DeadlinesBoardOptions } from './deadlines-board.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const NO = { country: 'NO' };
const FI = { country: 'FI' };
// Buckets at NOW: overdue < 10-10 12:00 <= next_8h < 10-10 20:00 <= next_3d < 10-13 12:00 <= later.
const NOW = '2024-10-10T12:00:00.000Z';

function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-1', ownerCountry: 'SE', title: 'Wave of explosions', offenceCategory: 'explosives', handlingCode: 'H1', openedBy: 'o' });
  log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'DK', level: 'read' });
  log.add('CaseOpened', { caseId: 'c-2', ownerCountry: 'DK', title: 'Danish case', offenceCategory: 'homicide', handlingCode: 'H2', openedBy: 'o' }, 'DK');
  const detain = (caseId: string, detentionId: string, nextCustodyReviewAt: string, country = 'SE') =>
    log.add('DetentionRecorded', { caseId, detentionId, personId: `p-${detentionId}`, holdingCountry: 'DK', facility: 'Vestre Fængsel',
      detainedAt: '2024-10-01T08:00:00.000Z', legalBasis: 'x', nextCustodyReviewAt }, country);
  detain('c-1', 'd-1', '2024-10-10T09:00:00.000Z'); // overdue
  detain('c-1', 'd-2', '2024-10-10T18:00:00.000Z'); // next_8h, then extended into next_3d
  log.add('CustodyExtended', { caseId: 'c-1', detentionId: 'd-2', nextCustodyReviewAt: '2024-10-12T11:00:00+02:00' });
  detain('c-1', 'd-3', '2024-10-10T13:00:00.000Z'); // ended: off the board
  log.add('DetentionEnded', { caseId: 'c-1', detentionId: 'd-3', outcome: 'released', endedAt: '2024-10-09T10:00:00.000Z' });
  detain('c-2', 'd-4', '2024-10-11T00:00:00.000Z', 'DK'); // DK's own case
  const request = (extraditionId: string) => log.add('ExtraditionRequested', { caseId: 'c-1', extraditionId, personId: `p-${extraditionId}`,
    requestingCountry: 'SE', requestedCountry: 'DK', route: 'nordic-arrest-warrant', sentAt: '2024-10-01T08:00:00.000Z' });
  // x-1: decision deadline 10-20, but the consent deadline 10-13 10:00 is earlier and applies (next_3d).
  request('x-1');
  log.add('ExtraditionStageReached', { caseId: 'c-1', extraditionId: 'x-1', stage: 'arrested', reachedAt: '2024-10-02T10:00:00.000Z',
    deadlineAt: '2024-10-20T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionConsentRecorded', { caseId: 'c-1', extraditionId: 'x-1', consentedAt: '2024-10-03T10:00:00.000Z', decisionDeadlineAt: '2024-10-13T10:00:00.000Z' });
  // x-2: granted, hand-over deadline 10-10 11:00 (overdue).
  request('x-2');
  log.add('ExtraditionStageReached', { caseId: 'c-1', extraditionId: 'x-2', stage: 'arrested', reachedAt: '2024-10-02T10:00:00.000Z',
    deadlineAt: '2024-10-09T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionDecided', { caseId: 'c-1', extraditionId: 'x-2', outcome: 'granted', grounds: 'ok', decidedAt: '2024-10-04T10:00:00.000Z' });
  log.add('ExtraditionStageReached', { caseId: 'c-1', extraditionId: 'x-2', stage: 'decision-final', reachedAt: '2024-10-05T10:00:00.000Z',
    deadlineAt: '2024-10-10T11:00:00.000Z', deadlineFor: 'hand-over' });
  // x-3: refused: off the board.
  request('x-3');
  log.add('ExtraditionStageReached', { caseId: 'c-1', extraditionId: 'x-3', stage: 'arrested', reachedAt: '2024-10-02T10:00:00.000Z',
    deadlineAt: '2024-10-11T10:00:00.000Z', deadlineFor: 'decision' });
  log.add('ExtraditionDecided', { caseId: 'c-1', extraditionId: 'x-3', outcome: 'refused', grounds: 'no', decidedAt: '2024-10-04T10:00:00.000Z' });

  // ir-1: SE → DK, urgent + direct: 8 h from 06:00 (next_8h).
  fileRequest(log, { requestId: 'ir-1', from: 'SE', to: 'DK', urgent: true, access: 'direct', receivedAt: '2024-10-10T06:00:00.000Z' });
  // ir-2: NO → SE, 7 days from 10-08 10:00 (later).
  fileRequest(log, { requestId: 'ir-2', from: 'NO', to: 'SE', receivedAt: '2024-10-08T10:00:00.000Z' });
  // ir-3: SE → DK about c-1, waiting for a judicial authorisation: the clock stands still, off the board.
  fileRequest(log, { requestId: 'ir-3', from: 'SE', to: 'DK', caseId: 'c-1', receivedAt: '2024-10-05T09:00:00.000Z' });
  log.request('JudicialAuthorisationPending', { requestId: 'ir-3', noticeSentAt: '2024-10-06T09:00:00.000Z', expectedDelayDays: 5, reason: 'Court' }, 'DK');
  // ir-4: DK → SE, urgent + indirect: 3 days from 10-06 12:00 (overdue).
  fileRequest(log, { requestId: 'ir-4', from: 'DK', to: 'SE', urgent: true, access: 'indirect', receivedAt: '2024-10-06T12:00:00.000Z' });
  // ir-5: SE → DK, answered: off the board.
  fileRequest(log, { requestId: 'ir-5', from: 'SE', to: 'DK', receivedAt: '2024-10-07T12:00:00.000Z' });
  log.request('InformationProvided', { requestId: 'ir-5', providedAt: '2024-10-08T12:00:00.000Z', summary: 'x', partial: false, late: false }, 'DK');
  // ir-6: DK → SE, 7 days from 10-02 (due 10-09 00:00), moved a day by a clarification: due 10-10 00:00 (overdue).
  fileRequest(log, { requestId: 'ir-6', from: 'DK', to: 'SE', receivedAt: '2024-10-02T00:00:00.000Z' });
  log.request('ClarificationRequested', { requestId: 'ir-6', question: 'Which car?', requestedAt: '2024-10-03T00:00:00.000Z' });
  log.request('ClarificationProvided', { requestId: 'ir-6', answer: 'Red', providedAt: '2024-10-04T00:00:00.000Z', deadlineAt: '2024-10-10T00:00:00.000Z' }, 'DK');
}

const key = (i: DeadlineItem): string => `${i.requestId ?? i.detentionId ?? i.extraditionId} ${i.role} ${i.dueAt} ${i.bucket}`;

describe('deadlines board', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(deadlinesBoardProjection);
    scenario(log);
  });
  afterEach(() => rm.close());
  const board = (viewer: { country: string }, o: Partial<DeadlinesBoardOptions> = {}) => deadlinesBoard(rm.db, viewer, { now: NOW, ...o });

  it('merges requests, custody reviews and extradition deadlines into one list by due time, with buckets at `now`', () => {
    applyInPages(rm, log.events, 3);
    const se = board(SE);
    expect(se.items.map(key)).toEqual([
      'ir-4 answer_due 2024-10-09T12:00:00.000Z overdue',
      'ir-6 answer_due 2024-10-10T00:00:00.000Z overdue',
      'd-1 custody_review 2024-10-10T09:00:00.000Z overdue',
      'x-2 hand-over 2024-10-10T11:00:00.000Z overdue',
      'ir-1 answer_expected 2024-10-10T14:00:00.000Z next_8h',
      'd-2 custody_review 2024-10-12T09:00:00.000Z next_3d',
      'x-1 decision 2024-10-13T10:00:00.000Z next_3d',
      'ir-2 answer_due 2024-10-15T10:00:00.000Z later',
    ]);
    expect(se.counts).toEqual({ overdue: 4, next_8h: 1, next_3d: 2, later: 1 });
    expect(se.nextCursor).toBeUndefined();
    expect(se.items[0]).toEqual({ kind: 'information_request', role: 'answer_due', dueAt: '2024-10-09T12:00:00.000Z', bucket: 'overdue',
      label: 'Answer due to DK (urgent, 3d)', requestId: 'ir-4', caseId: null, detentionId: null, extraditionId: null,
      counterpartCountry: 'DK', urgent: true, rule: '3d', handlingCode: null, handlingText: null });
    expect(se.items[2]).toEqual({ kind: 'custody_review', role: 'custody_review', dueAt: '2024-10-10T09:00:00.000Z', bucket: 'overdue',
      label: 'Custody review (held in DK)', requestId: null, caseId: 'c-1', detentionId: 'd-1', extraditionId: null,
      counterpartCountry: 'DK', urgent: null, rule: null, handlingCode: 'H1', handlingText: null });
    expect(se.items[3]).toMatchObject({ kind: 'extradition', label: 'Extradition SE → DK: hand-over deadline', extraditionId: 'x-2', counterpartCountry: 'DK' });
    expect(se.items[4]).toMatchObject({ label: 'Answer expected from DK (urgent, 8h)', counterpartCountry: 'DK' });

    // DK: its half of the requests, c-1 (shared with it) and its own c-2.
    expect(board(DK).items.map(key)).toEqual([
      'ir-4 answer_expected 2024-10-09T12:00:00.000Z overdue',
      'ir-6 answer_expected 2024-10-10T00:00:00.000Z overdue',
      'd-1 custody_review 2024-10-10T09:00:00.000Z overdue',
      'x-2 hand-over 2024-10-10T11:00:00.000Z overdue',
      'ir-1 answer_due 2024-10-10T14:00:00.000Z next_8h',
      'd-4 custody_review 2024-10-11T00:00:00.000Z next_3d',
      'd-2 custody_review 2024-10-12T09:00:00.000Z next_3d',
      'x-1 decision 2024-10-13T10:00:00.000Z next_3d',
    ]);
    expect(board(NO).items.map(key)).toEqual(['ir-2 answer_expected 2024-10-15T10:00:00.000Z later']);
    expect(board(FI)).toEqual({ now: NOW, items: [], counts: { overdue: 0, next_8h: 0, next_3d: 0, later: 0 } });
  });

  it('filters by kind and bucket (counts follow the kinds, not the bucket) and pages in due order', () => {
    applyInPages(rm, log.events);
    const custody = board(SE, { kinds: ['custody_review'] });
    expect(custody.items.map(key)).toEqual(['d-1 custody_review 2024-10-10T09:00:00.000Z overdue', 'd-2 custody_review 2024-10-12T09:00:00.000Z next_3d']);
    expect(custody.counts).toEqual({ overdue: 1, next_8h: 0, next_3d: 1, later: 0 });
    expect(board(SE, { kinds: ['information_request', 'extradition'] }).counts).toEqual({ overdue: 3, next_8h: 1, next_3d: 1, later: 1 });
    const soon = board(SE, { bucket: 'next_3d' });
    expect(soon.items.map((i) => i.detentionId ?? i.extraditionId)).toEqual(['d-2', 'x-1']);
    expect(soon.counts).toEqual({ overdue: 4, next_8h: 1, next_3d: 2, later: 1 });
    // Paging.
    const all = board(SE).items;
    const paged: DeadlineItem[] = [];
    let cursor: string | undefined;
    do {
      const page = board(SE, { limit: 3, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    // Buckets move with `now`: at 10-09 11:00 nothing is overdue, ir-4 (12:00) is due within 8 hours, everything up to
    // d-2 (10-12 09:00) within 3 days (before 10-12 11:00), x-1 and ir-2 later.
    expect(board(SE, { now: '2024-10-09T13:00:00+02:00' }).counts).toEqual({ overdue: 0, next_8h: 1, next_3d: 5, later: 2 });
    expect(() => board(SE, { now: 'today' })).toThrow(RangeError);
  });

  it('follows clocks restarting, answers, case sharing revoked and custody ending', () => {
    // The authorisation is obtained on 10-09 09:00: the clock restarts with the deadline moved by the 3 days it stood still.
    log.request('JudicialAuthorisationObtained', { requestId: 'ir-3', obtainedAt: '2024-10-09T09:00:00.000Z', deadlineAt: '2024-10-15T09:00:00.000Z' }, 'DK');
    log.request('InformationProvided', { requestId: 'ir-4', providedAt: '2024-10-10T08:00:00.000Z', summary: 'x', partial: true, late: true });
    log.request('InformationProvided', { requestId: 'ir-6', providedAt: '2024-10-10T08:00:00.000Z', summary: 'x', partial: false, late: true });
    log.request('ClarificationRequested', { requestId: 'ir-1', question: '?', requestedAt: '2024-10-10T07:00:00.000Z' }, 'DK');
    log.add('CaseSharingRevoked', { caseId: 'c-1', partnerCountry: 'DK' });
    log.add('DetentionEnded', { caseId: 'c-1', detentionId: 'd-1', outcome: 'released', endedAt: '2024-10-10T10:00:00.000Z' });
    applyInPages(rm, log.events, 4);
    expect(board(SE).items.map(key)).toEqual([
      'ir-4 answer_due 2024-10-09T12:00:00.000Z overdue', // a partial answer leaves it open
      'x-2 hand-over 2024-10-10T11:00:00.000Z overdue',
      'd-2 custody_review 2024-10-12T09:00:00.000Z next_3d',
      'x-1 decision 2024-10-13T10:00:00.000Z next_3d',
      'ir-3 answer_expected 2024-10-15T09:00:00.000Z later',
      'ir-2 answer_due 2024-10-15T10:00:00.000Z later',
    ]);
    expect(board(DK).items.map(key)).toEqual([
      'ir-4 answer_expected 2024-10-09T12:00:00.000Z overdue',
      'd-4 custody_review 2024-10-11T00:00:00.000Z next_3d',
      'ir-3 answer_due 2024-10-15T09:00:00.000Z later',
    ]);
    // Shared again: c-1's deadlines come back to DK's board.
    log.add('CaseSharedWith', { caseId: 'c-1', partnerCountry: 'DK', level: 'contribute' });
    applyInPages(rm, log.events.slice(-1));
    expect(board(DK).counts).toEqual({ overdue: 2, next_8h: 0, next_3d: 3, later: 1 });
  });
});

describe('deadlines board on a workload', () => {
  it('bucket counts (whole days plus the days the edges cut) equal counting every item, for any now and kinds', () => {
    const rm = memoryInstance(deadlinesBoardProjection);
    applyInPages(rm, generateRequestWorkload({ requests: 400, cases: 120, seed: 5 }).events, 300);
    const nows = ['2024-08-01T00:00:00.000Z', '2024-09-15T23:59:59.999Z', '2024-10-01T07:30:00.000Z', '2024-11-20T16:00:00.000Z', '2025-03-01T12:00:00.000Z'];
    const kindSets = [undefined, ['custody_review'], ['information_request', 'extradition']] as const;
    let seen = 0;
    for (const viewer of [SE, DK, NO, FI]) {
      for (const now of nows) {
        for (const kinds of kindSets) {
          const all: DeadlineItem[] = [];
          let cursor: string | undefined;
          do {
            const page = deadlinesBoard(rm.db, viewer, { now, kinds, limit: 500, cursor });
            all.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor);
          const counts = deadlinesBoard(rm.db, viewer, { now, kinds, limit: 1 }).counts;
          const brute = { overdue: 0, next_8h: 0, next_3d: 0, later: 0 };
          for (const i of all) brute[i.bucket] += 1;
          expect([viewer.country, now, kinds, counts]).toEqual([viewer.country, now, kinds, brute]);
          expect(all.map((i) => i.dueAt)).toEqual(all.map((i) => i.dueAt).sort());
          seen += all.length;
        }
      }
    }
    expect(seen).toBeGreaterThan(500);
    rm.close();
  });
});

describeProjectionContract(deadlinesBoardProjection, () => generateRequestWorkload({ requests: 300, cases: 80, seed: 7 }));
