import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateReferralWorkload } from '../../testing/referral-workload.js';
import { onReferral, referContent, sendReferral } from '../../testing/referral-fixtures.js';
import { platformResponsivenessProjection } from './platform-responsiveness.projection.js';
import { platformResponsiveness } from './platform-responsiveness.queries.js';

const SE = { country: 'SE' };
const NO = { country: 'NO' };
const NOW = '2024-10-20T12:00:00.000Z';
const at = (day: string, time: string): string => `2024-${day}T${time}:00.000Z`;

/**
 * SE's tiktok referrals of October 2024 (R1-R8, R11), one September telegram removal (R10) and one
 * DK referral SE cannot see (R9). Times as sent → first answer; "now" is 10-20 12:00.
 */
function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-se', ownerCountry: 'SE', title: 'Recruitment', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
  const removedAfter = (id: string, day: string, sent: string, removedDay: string, removed: string, basis: 'removal_order' | 'tos_referral' = 'tos_referral') => {
    referContent(log, { referralId: id, basis, referredAt: at(day, '08:00') });
    sendReferral(log, id, at(day, sent), basis);
    onReferral(log, id, 'ContentRemoved', { removedAt: at(removedDay, removed) });
  };
  removedAfter('R1', '10-01', '10:00', '10-01', '12:30'); // 2.5 h: ttr 2, answered within 24 h
  referContent(log, { referralId: 'R2', referredAt: at('10-02', '08:00') });
  sendReferral(log, 'R2', at('10-02', '10:00'));
  onReferral(log, 'R2', 'PlatformAcknowledged', { acknowledgedAt: at('10-03', '16:00') }); // 30 h: within 7 d only
  onReferral(log, 'R2', 'ContentRemoved', { removedAt: at('10-05', '10:00') }); // ttr 72
  removedAfter('R3', '10-03', '10:00', '10-03', '10:40', 'removal_order'); // order, 40 min: ttr 0, within 1 h
  removedAfter('R4', '10-04', '10:00', '10-04', '12:00', 'removal_order'); // order, 2 h: ttr 2, too late
  onReferral(log, 'R4', 'ContentReappeared', { locator: 'https://tiktok.test/R4b', locatorSha256: 'f'.repeat(64), seenAt: at('10-06', '10:00') });
  referContent(log, { referralId: 'R5', referredAt: at('10-05', '08:00') });
  sendReferral(log, 'R5', at('10-05', '10:00'));
  onReferral(log, 'R5', 'NoPlatformResponse', { responseDueAt: at('10-12', '10:00'), recordedAt: at('10-12', '11:00') });
  onReferral(log, 'R5', 'RemovalDeclined', { declinedAt: at('10-15', '10:00'), reason: 'no_violation_found' }); // 10 days
  for (const [id, day, time] of [['R6', '10-19', '20:00'], ['R7', '10-16', '12:00'], ['R8', '10-01', '12:00']]) {
    referContent(log, { referralId: id, referredAt: at(day, '08:00') });
    sendReferral(log, id, at(day, time)); // never answered: 16 h, 4 days and 19 days before now
  }
  referContent(log, { referralId: 'R9', origin: 'DK', referredAt: at('10-01', '08:00') });
  sendReferral(log, 'R9', at('10-01', '10:00'));
  onReferral(log, 'R9', 'ContentGeoBlocked', { blockedAt: at('10-01', '11:00'), countries: ['DK'] }, 'DK');
  referContent(log, { referralId: 'R10', platform: 'telegram', referredAt: at('09-10', '08:00') });
  sendReferral(log, 'R10', at('09-10', '10:00'));
  onReferral(log, 'R10', 'ContentRemoved', { removedAt: at('09-10', '15:00') }); // ttr 5
  referContent(log, { referralId: 'R11', referredAt: at('10-08', '08:00') }); // not sent
}

describe('platform responsiveness', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(platformResponsivenessProjection);
    scenario(log);
  });
  afterEach(() => rm.close());

  it('computes the figures of a hand-made month', () => {
    applyInPages(rm, log.events, 5);
    const { rows, platformTotals, byReferringCountry } = platformResponsiveness(rm.db, SE, { now: NOW });
    const september = { platform: 'telegram', month: '2024-09', referred: 1, sent: 1, removed: 1, removalRate: 1, medianHoursToRemoval: 5,
      p90HoursToRemoval: 5, unansweredAfter24hShare: 0, unansweredAfter7dShare: 0, ordersSent: 0, ordersWithin1hShare: null,
      reuploadRate: 0, declined: 0, geoBlocked: 0, noResponse: 0 };
    expect(rows).toEqual([
      september,
      {
        platform: 'tiktok', month: '2024-10',
        referred: 9, // R1-R8, R11
        sent: 8, // R1-R8
        removed: 4, removalRate: 0.5, // R1-R4 of 8 sent
        // Removal hours sorted [0 (R3), 2 (R1), 2 (R4), 72 (R2)]: 50 % of 4 reached at 2, 90 % (3.6) at 72.
        medianHoursToRemoval: 2, p90HoursToRemoval: 72,
        // Answered R1-R5 (within 24 h: R1, R3, R4; within 7 d: + R2). Unanswered: R6 (sent 16 h ago), R7 (4 d), R8 (19 d).
        // 24 h: eligible 8 - 1 (R6) = 7; unanswered (5 - 3) + (3 - 1) = 4 (R2, R5, R7, R8).
        unansweredAfter24hShare: 4 / 7,
        // 7 d: eligible 8 - 2 (R6, R7) = 6; unanswered (5 - 4) + (3 - 2) = 2 (R5, R8).
        unansweredAfter7dShare: 2 / 6,
        ordersSent: 2, ordersWithin1hShare: 0.5, // R3 in 40 min, R4 in 2 h
        reuploadRate: 1 / 4, // R4 reappeared, 4 removed
        declined: 1, geoBlocked: 0, noResponse: 1, // R5 (silence recorded, a late decline followed)
      },
    ]);
    // One month per platform: each platform's totals are its month's figures.
    expect(platformTotals).toEqual(rows.map(({ month: _, ...figures }) => figures));
    // All SE referrals: hours [0, 2, 2, 5, 72]: 50 % (2.5) at 2, 90 % (4.5) at 72. R9 is DK's and not visible.
    expect(byReferringCountry).toEqual([expect.objectContaining({ country: 'SE', referred: 10, sent: 9, removed: 5,
      medianHoursToRemoval: 2, p90HoursToRemoval: 72, removalRate: 5 / 9 })]);
  });

  it('filters by period, platform and basis', () => {
    applyInPages(rm, log.events);
    const q = (o: object) => platformResponsiveness(rm.db, SE, { now: NOW, ...o });
    expect(q({ from: '2024-10' }).rows.map((r) => r.month)).toEqual(['2024-10']);
    expect(q({ to: '2024-09' }).rows.map((r) => r.platform)).toEqual(['telegram']);
    expect(q({ platform: 'telegram' }).byReferringCountry).toMatchObject([{ country: 'SE', referred: 1 }]);
    // Orders only: R3 (ttr 0) and R4 (ttr 2): 50 % of 2 at 0, 90 % (1.8) at 2.
    expect(q({ basis: 'removal_order' }).rows).toMatchObject([{ month: '2024-10', referred: 2, sent: 2, medianHoursToRemoval: 0,
      p90HoursToRemoval: 2, ordersWithin1hShare: 0.5, unansweredAfter24hShare: 0 }]);
    expect(() => q({ from: '2024-13' })).toThrow(RangeError);
  });

  it('counts only referrals the viewer may see: by referring, by case access, until revoked', () => {
    applyInPages(rm, log.events);
    const figures = (viewer: { country: string }) => platformResponsiveness(rm.db, viewer, { now: NOW });
    expect(figures({ country: 'DK' }).rows).toMatchObject([{ platform: 'tiktok', referred: 1, geoBlocked: 1, unansweredAfter24hShare: 0 }]);
    expect(figures(NO)).toEqual({ rows: [], platformTotals: [], byReferringCountry: [] });
    onReferral(log, 'R9', 'CoReferrerJoined', { country: 'SE', referredBy: 'o', unit: 'SE unit', joinedAt: at('10-02', '08:00') });
    referContent(log, { referralId: 'R12', origin: 'DK', caseId: 'c-se', referredAt: at('10-10', '08:00') });
    sendReferral(log, 'R12', at('10-10', '10:00'));
    onReferral(log, 'R12', 'ContentRemoved', { removedAt: at('10-10', '11:00') }, 'DK');
    applyInPages(rm, log.events.slice(-4));
    expect(figures(SE).byReferringCountry.map((r) => [r.country, r.referred, r.geoBlocked, r.removed])).toEqual([['DK', 2, 1, 1], ['SE', 10, 0, 5]]);
    expect(figures(NO).rows).toEqual([]);
    log.add('CaseSharedWith', { caseId: 'c-se', partnerCountry: 'NO', level: 'read' });
    applyInPages(rm, log.events.slice(-1));
    expect(figures(NO).rows).toMatchObject([{ platform: 'tiktok', month: '2024-10', referred: 1, removed: 1, medianHoursToRemoval: 1 }]);
    log.add('CaseSharingRevoked', { caseId: 'c-se', partnerCountry: 'NO' });
    applyInPages(rm, log.events.slice(-1));
    expect(figures(NO)).toEqual({ rows: [], platformTotals: [], byReferringCountry: [] });
    expect(rm.db.prepare("SELECT COUNT(*) FROM pr_cells WHERE country = 'NO'").pluck().get()).toBe(0);
  });
});

describeProjectionContract(platformResponsivenessProjection, () => generateReferralWorkload({ referrals: 300, seed: 7 }));
