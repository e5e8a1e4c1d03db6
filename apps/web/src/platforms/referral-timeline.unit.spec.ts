import { describe, expect, it } from '@jest/globals';
import type { ReferralEntry } from '../api/referral-types';
import { recordedTimeline, referralTimeline } from './referral-timeline';

const base: ReferralEntry = {
  referralId: 'r1', caseId: null, handlerId: null, platform: 'telegram', platformName: null, locator: 'https://t.example/x/1',
  locatorSha256: 'ab', contentKind: 'recruitment_offer', basis: 'tos_referral', actionDayId: null, originCountry: 'SE',
  originUnit: 'NOA Cyber', coReferrers: [], referredAt: '2026-03-01T08:00:00.000Z', round: 1, sentAt: null, responseDueAt: null,
  acknowledgedAt: null, outcome: null, outcomeAt: null, declineReason: null, noResponseRecorded: false, reappearances: 0,
  latestLocator: null, withdrawn: false, status: 'referred', lastPosition: 1,
};
const NOW = Date.parse('2026-03-15T12:00:00Z');
const whats = (r: ReferralEntry) => referralTimeline(r, NOW).map((s) => s.what);

describe('referral timeline', () => {
  it('starts with the referral and who made it', () => {
    expect(referralTimeline(base, NOW)).toEqual([{ at: base.referredAt, what: 'Referred to Telegram', detail: 'Terms-of-service referral · recruitment offer · by Sweden, NOA Cyber' }]);
  });

  it('orders dated steps in time and keeps co-referrers with the referral', () => {
    const r: ReferralEntry = {
      ...base, coReferrers: ['DK', 'NO'], sentAt: '2026-03-01T09:00:00.000Z', responseDueAt: '2026-03-08T09:00:00.000Z',
      acknowledgedAt: '2026-03-02T09:00:00.000Z', outcome: 'declined', outcomeAt: '2026-03-09T10:00:00.000Z', declineReason: 'no_violation_found',
    };
    expect(whats(r)).toEqual(['Referred to Telegram', 'Also referred by', 'Sent to Telegram', 'Acknowledged by Telegram', 'Response due', 'Declined by the platform']);
    const steps = referralTimeline(r, NOW);
    expect(steps[1]?.detail).toBe('Denmark, Norway');
    expect(steps[5]?.detail).toBe('Reason: no violation found');
    // Answered: the passed deadline is history, not an alarm.
    expect(steps[4]?.mark).toBeUndefined();
  });

  it('marks an open referral past its deadline, and a recorded silence', () => {
    const r = { ...base, sentAt: '2026-03-01T09:00:00.000Z', responseDueAt: '2026-03-08T09:00:00.000Z' };
    expect(referralTimeline(r, NOW).at(-1)).toMatchObject({ what: 'Response due', mark: 'overdue' });
    expect(referralTimeline({ ...r, responseDueAt: '2026-03-20T09:00:00.000Z' }, NOW).at(-1)?.mark).toBe('due');
    expect(referralTimeline({ ...r, noResponseRecorded: true }, NOW).at(-1)?.what).toBe('Response deadline passed: no response recorded');
  });

  it('tells a reappearance and a withdrawal, which the ledger keeps undated', () => {
    const r: ReferralEntry = { ...base, round: 2, reappearances: 1, latestLocator: 'https://t.example/x/2', sentAt: '2026-03-05T09:00:00.000Z', withdrawn: true };
    const steps = referralTimeline(r, NOW);
    expect(steps.map((s) => s.what)).toEqual(['Referred to Telegram', 'Content reappeared once; below is round 2', 'Sent to Telegram (round 2)', 'Withdrawn by the referring country']);
    expect(steps[1]).toMatchObject({ at: null, detail: 'Latest copy: https://t.example/x/2' });
  });
});

describe('recorded timeline (referral page)', () => {
  const sent = { ...base, sentAt: '2026-03-05T09:00:00.000Z', responseDueAt: '2026-03-12T09:00:00.000Z', round: 2, reappearances: 1 };
  const steps = [
    { type: 'ContentReferred', at: '2026-03-01T08:00:00.000Z', country: 'SE', detail: { unit: 'NOA Cyber' } },
    { type: 'CoReferrerJoined', at: '2026-03-01T10:00:00.000Z', country: 'DK', detail: { country: 'DK', unit: 'NKC' } },
    { type: 'ContentRemoved', at: '2026-03-02T08:00:00.000Z', country: 'SE', detail: {} },
    { type: 'ContentReappeared', at: '2026-03-04T08:00:00.000Z', country: 'SE', detail: { locator: 'https://t.example/x/2' } },
    { type: 'ReferralSentToPlatform', at: '2026-03-05T09:00:00.000Z', country: 'SE', detail: { responseDueAt: '2026-03-12T09:00:00.000Z' } },
  ];

  it('tells every recorded step with its own time, across rounds, and the deadline still running', () => {
    const t = recordedTimeline({ ...sent, steps }, NOW);
    expect(t.map((s) => s.what)).toEqual([
      'Referred to Telegram', 'Also referred by Denmark', 'Removed by the platform', 'Content reappeared (a new round starts)', 'Sent to Telegram', 'Response due',
    ]);
    expect(t.slice(0, 5).every((s) => s.at !== null)).toBe(true);
    expect(t[3]?.detail).toBe('New copy: https://t.example/x/2');
    expect(t[5]?.mark).toBe('overdue');
  });

  it('falls back to the entry\'s fields when there are no recorded steps', () => {
    expect(recordedTimeline(base, NOW)).toEqual(referralTimeline(base, NOW));
  });
});
