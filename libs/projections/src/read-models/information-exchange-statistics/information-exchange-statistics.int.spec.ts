import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { fileRequest, type RequestFixture } from '../../testing/information-request-fixtures.js';
import { generateRequestWorkload } from '../../testing/information-request-workload.js';
import { informationExchangeStatisticsProjection } from './information-exchange-statistics.projection.js';
import { informationExchangeStatistics, statisticsCsvRows, type InformationExchangeStatistics } from './information-exchange-statistics.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };

/**
 * The hand-computed fixture. SE is the requested country of R1–R10 and R14 and the requesting one of
 * R11–R13. Years are UTC years of receipt.
 *
 *  id   from→to  received (UTC)          urgent  what happens                                         counts for SE (requested side)
 *  R1   NO→SE    2024-03-01 10:00        yes     answered in time                                     received, answered
 *  R2   NO→SE    2024-03-02 10:00        no      answered late (03-12 > 03-09), no authorisation      received, answered (no deviation)
 *  R3   DK→SE    2024-04-01 08:00        no      due 04-08 08:00; authorisation 04-02 → 04-10 (deadline   received, answered, DEVIATION
 *                                                 moved to 04-16); answered 04-11 08:00 > 04-08 08:00
 *  R4   DK→SE    2024-05-01 08:00        yes     8 h: due 16:00; authorisation 09:00 → 12:00; answered     received, answered (13:00 < 16:00:
 *                                                 13:00                                                   no deviation)
 *  R5   DK→SE    2024-06-01 00:00        no      due 06-08; clarification 06-02 → 06-05 moves it to 06-11;  received, answered (06-10 12:00 <
 *                                                 authorisation 06-06 → 06-09; answered 06-10 12:00       06-11: the delay is the clarification's)
 *  R6   NO→SE    2024-07-01 08:00        no      refused on (f) and (g)                                   received, refused (NO; f, g)
 *  R7   DK→SE    2024-08-01 08:00        yes     part refused on (a), the rest answered                    received, answered, refused (DK; a)
 *  R8   DK→SE    2024-09-01 08:00        no      authorisation pending, refused by the court: (c)          received, refused (DK; c)
 *  R9   FI→SE    2025-01-01 00:30+01:00  no      open (received 2024-12-31 23:30 UTC: year 2024)          received
 *  R10  NO→SE    2025-01-02 08:00        no      answered                                                 2025: received, answered
 *  R11  SE→DK    2024-02-01 08:00        yes     answered by DK                                           submitted (DK, urgent)
 *  R12  SE→NO    2024-07-01 08:00        no      withdrawn                                                submitted (NO, not urgent)
 *  R13  SE→DK    2023-12-31 23:59        no      open                                                     2023: submitted
 *  R14  DK→SE    2024-10-01 08:00        no      withdrawn                                                received
 *
 * SE, 2024:
 *  submitted: R11 (DK, urgent), R12 (NO, not urgent)                               → 2 = 1 urgent + 1 not urgent
 *  received:  DK R3 R4 R5 R7 R8 R14 (urgent R4 R7) = 2 + 4; FI R9 = 0 + 1; NO R1 R2 R6 (urgent R1) = 1 + 2
 *                                                                                  → 10 = 3 urgent + 7 not urgent
 *  answered:  DK R3 R4 R5 R7 (urgent R4 R7) = 2 + 2; NO R1 R2 (urgent R1) = 1 + 1     → 6 = 3 urgent + 3 not urgent
 *  refused:   DK R7 R8 = 2; NO R6 = 1                                              → 3; grounds a 1 (R7), c 1 (R8), f 1, g 1 (R6)
 *  deviations: DK R3                                                               → 1
 * DK, 2024: submitted R3 R4 R5 R7 R8 R14 (urgent R4 R7) → 6 = 2 + 4, all to SE; received R11 (SE, urgent), answered R11.
 * SE, 2025: received and answered R10 (NO). SE, 2023: submitted R13 (DK).
 */
function fixture(log: EventLog): void {
  const file = (requestId: string, from: string, to: string, receivedAt: string, more: Partial<RequestFixture> = {}) =>
    fileRequest(log, { requestId, from, to, receivedAt, ...more });
  const provide = (requestId: string, providedAt: string, country = 'SE', partial = false, late = false) =>
    log.request('InformationProvided', { requestId, providedAt, summary: 'Provided', partial, late }, country);

  file('R1', 'NO', 'SE', '2024-03-01T10:00:00.000Z', { urgent: true, access: 'direct' });
  provide('R1', '2024-03-01T15:00:00.000Z');
  file('R2', 'NO', 'SE', '2024-03-02T10:00:00.000Z');
  provide('R2', '2024-03-12T10:00:00.000Z', 'SE', false, true);
  file('R3', 'DK', 'SE', '2024-04-01T08:00:00.000Z');
  log.request('JudicialAuthorisationPending', { requestId: 'R3', noticeSentAt: '2024-04-02T08:00:00.000Z', expectedDelayDays: 8, reason: 'Court' });
  log.request('JudicialAuthorisationObtained', { requestId: 'R3', obtainedAt: '2024-04-10T08:00:00.000Z', deadlineAt: '2024-04-16T08:00:00.000Z' });
  provide('R3', '2024-04-11T08:00:00.000Z');
  file('R4', 'DK', 'SE', '2024-05-01T08:00:00.000Z', { urgent: true, access: 'direct' });
  log.request('JudicialAuthorisationPending', { requestId: 'R4', noticeSentAt: '2024-05-01T09:00:00.000Z', expectedDelayDays: 1, reason: 'Court' });
  log.request('JudicialAuthorisationObtained', { requestId: 'R4', obtainedAt: '2024-05-01T12:00:00.000Z', deadlineAt: '2024-05-01T19:00:00.000Z' });
  provide('R4', '2024-05-01T13:00:00.000Z');
  file('R5', 'DK', 'SE', '2024-06-01T00:00:00.000Z');
  log.request('ClarificationRequested', { requestId: 'R5', question: 'Which?', requestedAt: '2024-06-02T00:00:00.000Z' });
  log.request('ClarificationProvided', { requestId: 'R5', answer: 'That one', providedAt: '2024-06-05T00:00:00.000Z', deadlineAt: '2024-06-11T00:00:00.000Z' }, 'DK');
  log.request('JudicialAuthorisationPending', { requestId: 'R5', noticeSentAt: '2024-06-06T00:00:00.000Z', expectedDelayDays: 3, reason: 'Court' });
  log.request('JudicialAuthorisationObtained', { requestId: 'R5', obtainedAt: '2024-06-09T00:00:00.000Z', deadlineAt: '2024-06-14T00:00:00.000Z' });
  provide('R5', '2024-06-10T12:00:00.000Z');
  file('R6', 'NO', 'SE', '2024-07-01T08:00:00.000Z');
  log.request('RequestRefused', { requestId: 'R6', refusedAt: '2024-07-02T08:00:00.000Z', partial: false,
    grounds: [{ ground: 'f', reason: 'Investigation' }, { ground: 'g', reason: 'Fine only' }] });
  file('R7', 'DK', 'SE', '2024-08-01T08:00:00.000Z', { urgent: true, access: 'indirect' });
  log.request('RequestRefused', { requestId: 'R7', refusedAt: '2024-08-02T08:00:00.000Z', partial: true, grounds: [{ ground: 'a', reason: 'Not held' }] });
  provide('R7', '2024-08-03T08:00:00.000Z');
  file('R8', 'DK', 'SE', '2024-09-01T08:00:00.000Z');
  log.request('JudicialAuthorisationPending', { requestId: 'R8', noticeSentAt: '2024-09-02T08:00:00.000Z', expectedDelayDays: 5, reason: 'Court' });
  log.request('RequestRefused', { requestId: 'R8', refusedAt: '2024-09-12T08:00:00.000Z', partial: false,
    grounds: [{ ground: 'c', reason: 'The court refused' }], deadlineAt: '2024-09-18T08:00:00.000Z' });
  file('R9', 'FI', 'SE', '2025-01-01T00:30:00+01:00');
  file('R10', 'NO', 'SE', '2025-01-02T08:00:00.000Z');
  provide('R10', '2025-01-03T08:00:00.000Z');
  file('R11', 'SE', 'DK', '2024-02-01T08:00:00.000Z', { urgent: true, access: 'indirect' });
  provide('R11', '2024-02-02T08:00:00.000Z', 'DK');
  file('R12', 'SE', 'NO', '2024-07-01T08:00:00.000Z');
  log.request('RequestWithdrawn', { requestId: 'R12', withdrawnAt: '2024-07-02T08:00:00.000Z', reason: 'Solved' });
  file('R13', 'SE', 'DK', '2023-12-31T23:59:00.000Z');
  file('R14', 'DK', 'SE', '2024-10-01T08:00:00.000Z');
  log.request('RequestWithdrawn', { requestId: 'R14', withdrawnAt: '2024-10-02T08:00:00.000Z', reason: 'Solved' }, 'DK');
}

const none = { urgent: 0, notUrgent: 0, total: 0 };
const SE_2024: InformationExchangeStatistics = {
  year: 2024, country: 'SE',
  submitted: { urgent: 1, notUrgent: 1, total: 2, byRequestedCountry: [
    { country: 'DK', urgent: 1, notUrgent: 0, total: 1 }, { country: 'NO', urgent: 0, notUrgent: 1, total: 1 }] },
  received: { urgent: 3, notUrgent: 7, total: 10, byRequestingCountry: [
    { country: 'DK', urgent: 2, notUrgent: 4, total: 6 }, { country: 'FI', urgent: 0, notUrgent: 1, total: 1 },
    { country: 'NO', urgent: 1, notUrgent: 2, total: 3 }] },
  answered: { urgent: 3, notUrgent: 3, total: 6, byRequestingCountry: [
    { country: 'DK', urgent: 2, notUrgent: 2, total: 4 }, { country: 'NO', urgent: 1, notUrgent: 1, total: 2 }] },
  refused: { total: 3, byRequestingCountry: [{ country: 'DK', count: 2 }, { country: 'NO', count: 1 }],
    byGround: [{ ground: 'a', count: 1 }, { ground: 'b', count: 0 }, { ground: 'c', count: 1 }, { ground: 'd', count: 0 },
      { ground: 'e', count: 0 }, { ground: 'f', count: 1 }, { ground: 'g', count: 1 }, { ground: 'h', count: 0 }] },
  deviations: { total: 1, byRequestingCountry: [{ country: 'DK', count: 1 }] },
};

describe('information exchange statistics (Art. 18(2))', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(informationExchangeStatisticsProjection);
    fixture(log);
  });
  afterEach(() => rm.close());
  const stats = (viewer: { country: string }, year: number) => informationExchangeStatistics(rm.db, viewer, { year });

  it('matches the hand-computed fixture, per reporting country and UTC year of receipt', () => {
    applyInPages(rm, log.events, 5);
    expect(stats(SE, 2024)).toEqual(SE_2024);
    expect(stats(DK, 2024)).toMatchObject({
      submitted: { urgent: 2, notUrgent: 4, total: 6, byRequestedCountry: [{ country: 'SE', urgent: 2, notUrgent: 4, total: 6 }] },
      received: { urgent: 1, notUrgent: 0, total: 1, byRequestingCountry: [{ country: 'SE', urgent: 1, notUrgent: 0, total: 1 }] },
      answered: { urgent: 1, notUrgent: 0, total: 1 }, refused: { total: 0, byRequestingCountry: [] }, deviations: { total: 0 },
    });
    expect(stats(SE, 2025)).toMatchObject({ submitted: { ...none, byRequestedCountry: [] },
      received: { urgent: 0, notUrgent: 1, total: 1 }, answered: { urgent: 0, notUrgent: 1, total: 1 } });
    expect(stats(SE, 2023)).toMatchObject({ submitted: { urgent: 0, notUrgent: 1, total: 1, byRequestedCountry: [{ country: 'DK', urgent: 0, notUrgent: 1, total: 1 }] },
      received: { ...none, byRequestingCountry: [] } });
    // A country with no exchange that year gets the same shape, all zeros.
    const empty = stats({ country: 'IS' }, 2024);
    expect(empty.refused.byGround.map((g) => g.ground)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(empty.received).toEqual({ ...none, byRequestingCountry: [] });
    expect(() => stats(SE, 24.5)).toThrow(RangeError);
  });

  it('counts a request once however many answers or refusals it gets, and only what the directive asks', () => {
    // A second partial refusal of R7 repeating (a) and adding (e); a second answer of R1.
    log.request('RequestRefused', { requestId: 'R7', refusedAt: '2024-08-02T09:00:00.000Z', partial: true,
      grounds: [{ ground: 'a', reason: 'Not held' }, { ground: 'e', reason: 'Out of date' }] });
    log.request('InformationProvided', { requestId: 'R1', providedAt: '2024-03-02T10:00:00.000Z', summary: 'More', partial: false, late: false });
    applyInPages(rm, log.events);
    const s = stats(SE, 2024);
    expect(s.refused.total).toBe(3);
    expect(s.refused.byGround.filter((g) => g.count > 0)).toEqual([
      { ground: 'a', count: 1 }, { ground: 'c', count: 1 }, { ground: 'e', count: 1 }, { ground: 'f', count: 1 }, { ground: 'g', count: 1 }]);
    expect(s.answered.total).toBe(6);
  });

  it('exports CSV rows in a stable column layout', () => {
    applyInPages(rm, log.events);
    const rows = statisticsCsvRows(stats(SE, 2024));
    expect(rows[0]).toEqual(['year', 'reporting_country', 'figure', 'other_country', 'urgency', 'ground', 'count']);
    expect(rows.slice(1, 4)).toEqual([
      [2024, 'SE', 'submitted', '', 'urgent', '', 1], [2024, 'SE', 'submitted', '', 'not_urgent', '', 1], [2024, 'SE', 'submitted', '', 'all', '', 2]]);
    const find = (figure: string, other = '', urgency = 'all', ground = '') =>
      rows.find((r) => r[2] === figure && r[3] === other && r[4] === urgency && r[5] === ground)?.[6];
    expect(find('received', 'DK', 'urgent')).toBe(2);
    expect(find('received', 'FI', 'not_urgent')).toBe(1);
    expect(find('answered')).toBe(6);
    expect(find('refused', 'NO')).toBe(1);
    expect(find('refusal_ground', '', 'all', 'c')).toBe(1);
    expect(find('refusal_ground', '', 'all', 'h')).toBe(0);
    expect(find('deviation', 'DK')).toBe(1);
    expect(rows.map((r) => r[2]).filter((f, i, all) => all.indexOf(f) === i)).toEqual(
      ['figure', 'submitted', 'received', 'answered', 'refused', 'refusal_ground', 'deviation']);
    // 1 header + submitted 3×3 + received 4×3 + answered 3×3 + refused 1+2 + grounds 8 + deviation 1+1.
    expect(rows).toHaveLength(1 + 9 + 12 + 9 + 3 + 8 + 2);
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('holds no personal data: only countries, years, urgency, grounds and counts', () => {
    applyInPages(rm, log.events);
    const text = JSON.stringify(rm.db.prepare('SELECT * FROM xs_counts').all()) + JSON.stringify(rm.db.prepare('SELECT * FROM xs_requests').all());
    expect(text).not.toMatch(/Registered address|Locating a suspect|Court|Not held|Which\?/);
  });
});

describeProjectionContract(informationExchangeStatisticsProjection, () => generateRequestWorkload({ requests: 300, seed: 7 }));
