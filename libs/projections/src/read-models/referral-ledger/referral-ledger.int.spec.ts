import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { EventLog } from '../../testing/event-fixtures.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateReferralWorkload } from '../../testing/referral-workload.js';
import { onReferral as on, referContent, type ReferralFixture } from '../../testing/referral-fixtures.js';
import { referralLedgerProjection } from './referral-ledger.projection.js';
import { listReferrals, overdueReferrals, referralDetail, type ReferralEntry } from './referral-ledger.queries.js';
import { actionDayProgress, listActionDays } from './action-days.queries.js';

const SE = { country: 'SE' };
const DK = { country: 'DK' };
const NO = { country: 'NO' };
const NOW = '2024-10-10T12:00:00.000Z';

const refer = (log: EventLog, referralId: string, r: Omit<ReferralFixture, 'referralId'> & { handlerId?: string }, origin = 'SE'): void => {
  const { handlerId, ...fixture } = r;
  referContent(log, { referralId, origin, ...fixture }, handlerId ? { handlerId } : {});
};

function scenario(log: EventLog): void {
  log.add('CaseOpened', { caseId: 'c-se', ownerCountry: 'SE', title: 'Recruitment', offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
  log.append('action-day-ad-1', 'ReferralActionDayPlanned', { actionDayId: 'ad-1', title: 'TikTok day', coordinator: 'eu_iru',
    coordinatorName: 'Europol EU IRU', platform: 'tiktok', date: '2024-10-01', participatingCountries: ['NO', 'DK'], organiserCountry: 'SE' });
  log.append('action-day-ad-1', 'ActionDayListSubmitted', { actionDayId: 'ad-1', fileSha256: 'a'.repeat(64), format: 'csv', rows: 3, country: 'SE' });
  refer(log, 'r-1', { caseId: 'c-se', handlerId: 'h-1', actionDayId: 'ad-1', referredAt: '2024-10-01T08:00:00+02:00' });
  on(log, 'r-1', 'ReferralSentToPlatform', { sentAt: '2024-10-01T07:00:00.000Z', responseDueAt: '2024-10-08T07:00:00.000Z' });
  on(log, 'r-1', 'PlatformAcknowledged', { acknowledgedAt: '2024-10-01T09:00:00.000Z' });
  on(log, 'r-1', 'ContentRemoved', { removedAt: '2024-10-02T09:00:00.000Z' });
  on(log, 'r-1', 'ContentReappeared', { locator: 'https://tiktok.test/r-1b', locatorSha256: 'b'.repeat(64), seenAt: '2024-10-05T09:00:00.000Z' });
  refer(log, 'r-2', { basis: 'removal_order', actionDayId: 'ad-1', referredAt: '2024-10-01T09:00:00.000Z' }, 'DK');
  on(log, 'r-2', 'ReferralSentToPlatform', { sentAt: '2024-10-01T10:00:00.000Z', responseDueAt: '2024-10-01T11:00:00.000Z' }, 'DK');
  on(log, 'r-2', 'CoReferrerJoined', { country: 'NO', referredBy: 'o', unit: 'NO unit', actionDayId: 'ad-1', joinedAt: '2024-10-01T12:00:00.000Z' }, 'NO');
  on(log, 'r-2', 'NoPlatformResponse', { responseDueAt: '2024-10-01T11:00:00.000Z', recordedAt: '2024-10-01T12:00:00.000Z' }, 'DK');
  refer(log, 'r-3', { platform: 'other', caseId: 'c-se', referredAt: '2024-10-03T09:00:00.000Z' });
  on(log, 'r-3', 'ReferralSentToPlatform', { sentAt: '2024-10-03T10:00:00.000Z', responseDueAt: '2024-10-10T10:00:00.000Z' });
  on(log, 'r-3', 'RemovalDeclined', { declinedAt: '2024-10-04T10:00:00.000Z', reason: 'no_violation_found' });
  on(log, 'r-3', 'ReferralWithdrawn', { reason: 'wrong link', withdrawnAt: '2024-10-04T11:00:00.000Z' });
}

describe('referral ledger', () => {
  let log: EventLog;
  let rm: ProjectionInstance;
  beforeEach(() => {
    log = new EventLog();
    rm = memoryInstance(referralLedgerProjection);
    scenario(log);
  });
  afterEach(() => rm.close());
  const ids = (page: { items: ReferralEntry[] }): string[] => page.items.map((r) => r.referralId);

  it('keeps one row per referral with its current round, status and referrers', () => {
    applyInPages(rm, log.events, 3);
    expect(referralDetail(rm.db, SE, 'r-1')).toEqual({
      referralId: 'r-1', caseId: 'c-se', handlerId: 'h-1', platform: 'tiktok', platformName: null, locator: 'https://tiktok.test/r-1',
      locatorSha256: 'r-1'.padEnd(64, '0'), contentKind: 'recruitment_offer', basis: 'tos_referral', actionDayId: 'ad-1',
      originCountry: 'SE', originUnit: 'SE cyber', coReferrers: [], referredAt: '2024-10-01T06:00:00.000Z', round: 2, sentAt: null,
      responseDueAt: null, acknowledgedAt: null, outcome: null, outcomeAt: null, declineReason: null, noResponseRecorded: false,
      reappearances: 1, latestLocator: 'https://tiktok.test/r-1b', withdrawn: false, status: 'reappeared', lastPosition: 7,
      steps: expect.any(Array),
    });
    // Every step in log order, each with its own business time, even where the round's fields were cleared.
    const steps = referralDetail(rm.db, SE, 'r-1')!.steps;
    expect(steps.map((s) => s.type)).toEqual(['ContentReferred', 'ReferralSentToPlatform', 'PlatformAcknowledged', 'ContentRemoved', 'ContentReappeared']);
    expect(steps.every((s) => s.at !== null)).toBe(true);
    expect(steps[4].detail).toEqual({ locator: 'https://tiktok.test/r-1b' });
    // Applying the same events again adds no step.
    applyInPages(rm, log.events, 2);
    expect(referralDetail(rm.db, SE, 'r-1')!.steps).toHaveLength(5);
    expect(referralDetail(rm.db, DK, 'r-2')).toMatchObject({ caseId: null, coReferrers: ['NO'], status: 'no_response', basis: 'removal_order' });
    expect(referralDetail(rm.db, SE, 'r-3')).toMatchObject({ platformName: 'Kick', outcome: 'declined', declineReason: 'no_violation_found', status: 'withdrawn' });
  });

  it('shows a referral to its referrers and to countries that may see its case, and hides linked cases from the rest', () => {
    applyInPages(rm, log.events);
    expect(ids(listReferrals(rm.db, SE, { now: NOW }))).toEqual(['r-3', 'r-1']);
    expect(ids(listReferrals(rm.db, NO, { now: NOW }))).toEqual(['r-2']);
    expect(referralDetail(rm.db, NO, 'r-1')).toBeNull();
    log.add('CaseSharedWith', { caseId: 'c-se', partnerCountry: 'NO', level: 'read' });
    refer(log, 'r-4', { caseId: 'c-se', referredAt: '2024-10-04T09:00:00.000Z' }, 'DK');
    applyInPages(rm, log.events.slice(-2));
    expect(ids(listReferrals(rm.db, NO, { now: NOW }))).toEqual(['r-4', 'r-3', 'r-2', 'r-1']);
    // DK referred r-4 but may not see case c-se: the link is not disclosed, nor findable by filtering.
    expect(referralDetail(rm.db, DK, 'r-4')).toMatchObject({ caseId: null, handlerId: null });
    expect(listReferrals(rm.db, DK, { now: NOW, caseId: 'c-se' }).items).toEqual([]);
    log.add('CaseSharingRevoked', { caseId: 'c-se', partnerCountry: 'NO' });
    applyInPages(rm, log.events.slice(-1));
    expect(ids(listReferrals(rm.db, NO, { now: NOW }))).toEqual(['r-2']);
  });

  it('filters by platform, status, case, country, basis, period and overdue', () => {
    applyInPages(rm, log.events);
    const list = (o: object) => ids(listReferrals(rm.db, SE, { now: NOW, ...o }));
    expect(list({ platform: 'other' })).toEqual(['r-3']);
    expect(list({ status: 'reappeared' })).toEqual(['r-1']);
    expect(list({ caseId: 'c-se', handlerId: 'h-1' })).toEqual(['r-1']);
    expect(list({ actionDayId: 'ad-1' })).toEqual(['r-1']);
    expect(ids(listReferrals(rm.db, DK, { now: NOW, country: 'NO' }))).toEqual(['r-2']);
    expect(ids(listReferrals(rm.db, DK, { now: NOW, basis: 'removal_order', overdueOnly: true }))).toEqual(['r-2']);
    expect(list({ from: '2024-10-01T06:00:00.000Z', to: '2024-10-03T09:00:00.000Z' })).toEqual(['r-1']);
    expect(overdueReferrals(rm.db, NO, { now: NOW }).map((r) => [r.referralId, r.responseDueAt])).toEqual([['r-2', '2024-10-01T11:00:00.000Z']]);
    expect(overdueReferrals(rm.db, NO, { now: '2024-10-01T10:30:00.000Z' })).toEqual([]);
    expect(() => list({ from: 'yesterday' })).toThrow(RangeError);
  });

  it('lists action days to organiser and participants, with progress over the referrals each may see', () => {
    applyInPages(rm, log.events);
    expect(listActionDays(rm.db, NO)).toEqual([{ actionDayId: 'ad-1', title: 'TikTok day', coordinator: 'eu_iru',
      coordinatorName: 'Europol EU IRU', platform: 'tiktok', date: '2024-10-01', organiserCountry: 'SE',
      participatingCountries: ['DK', 'NO'], listsSubmitted: 1, answerFilesImported: 0 }]);
    expect(listActionDays(rm.db, { country: 'FI' })).toEqual([]);
    expect(actionDayProgress(rm.db, { country: 'FI' }, 'ad-1')).toBeNull();
    expect(actionDayProgress(rm.db, SE, 'ad-1')).toEqual({ actionDayId: 'ad-1', referred: 1, sent: 1, answered: 0, removed: 0,
      geoBlocked: 0, declined: 0, noResponse: 0, reappeared: 1 });
    expect(actionDayProgress(rm.db, NO, 'ad-1')).toMatchObject({ referred: 1, sent: 1, noResponse: 1, reappeared: 0 });
  });

  it('pages through many referrals newest first without gaps or repeats', () => {
    const workload = generateReferralWorkload({ referrals: 400, seed: 3 });
    applyInPages(rm, workload.events, 250);
    const all = listReferrals(rm.db, SE, { now: NOW, limit: 500 }).items;
    const paged: ReferralEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = listReferrals(rm.db, SE, { now: NOW, limit: 7, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((r) => r.referredAt)).toEqual(all.map((r) => r.referredAt).sort().reverse());
  });
});

describeProjectionContract(referralLedgerProjection, () => generateReferralWorkload({ referrals: 300, seed: 7 }));
