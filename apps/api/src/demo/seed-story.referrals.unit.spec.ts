import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { locatorKey } from '../referrals/shared/locator-key.js';
import { actionDayAnswersCsv, actionDayListCsv, expectedProgress, FATES, LISTED, planActionDay, REAPPEARING } from './seed-story.action-day.js';
import { planSingleReferrals } from './seed-story.platform-referrals.js';

const NOW = new Date('2026-03-18T09:41:27.512Z');
const HOUR = 3_600_000;
const plan = planActionDay(NOW, 'spec-seed');
const singles = planSingleReferrals(NOW, 'spec-seed');
const ms = (iso: string | undefined) => Date.parse(iso ?? '');
const onReservedDomain = (locator: string) => new URL(locator).hostname.endsWith('.example');

describe('seed story: the TikTok referral action day', () => {
  it('lists 2,145 distinct items, all sent on one day about two months before now', () => {
    expect(LISTED).toBe(2145);
    expect(plan.items).toHaveLength(2145);
    expect(new Set(plan.items.map((it) => locatorKey(it.locator).referralId)).size).toBe(2145);
    expect(plan.date).toBe('2026-01-16');
    expect(plan.items.every((it) => it.sentAt.startsWith(plan.date))).toBe(true);
    expect(plan.items.every((it) => onReservedDomain(it.locator) && onReservedDomain(it.answerLocator))).toBe(true);
    // TikTok's answer file spells each video its own way; both name the same referral.
    expect(plan.items.every((it) => it.answerLocator !== it.locator && locatorKey(it.answerLocator).referralId === locatorKey(it.locator).referralId)).toBe(true);
  });

  it('answers mostly with removals within days, some declines with reasons, a few geo-blocks, a handful open', () => {
    const byFate = (fate: string) => plan.items.filter((it) => it.fate === fate);
    for (const [fate, n] of Object.entries(FATES)) expect(byFate(fate)).toHaveLength(n);
    const hours = byFate('removed').map((it) => (ms(it.answer?.at) - ms(it.sentAt)) / HOUR);
    const share = (p: (h: number) => boolean) => hours.filter(p).length / hours.length;
    expect(share((h) => h < 24)).toBeGreaterThan(0.1);
    expect(share((h) => h < 24)).toBeLessThan(0.25);
    expect(share((h) => h >= 48 && h < 120)).toBeGreaterThan(0.4);
    expect(Math.max(...hours)).toBeLessThanOrEqual(14 * 24);
    expect(share((h) => h > 9 * 24)).toBeGreaterThan(0.02);
    expect(byFate('declined').every((it) => it.answer?.reason !== undefined)).toBe(true);
    expect(byFate('geo_blocked').every((it) => (it.answer?.countries?.length ?? 0) > 0)).toBe(true);
    expect(byFate('unanswered').every((it) => it.answer === undefined)).toBe(true);
  });

  it('keeps every instant in the past and in order, re-uploads after their removal', () => {
    for (const it of plan.items) {
      const times = [it.sentAt, it.answer?.at, it.reappearance?.seenAt, it.reappearance?.sentAgainAt, it.reappearance?.removedAgainAt]
        .filter((t): t is string => t !== undefined).map(ms);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    }
    const again = plan.items.filter((it) => it.reappearance);
    expect(again).toHaveLength(REAPPEARING);
    expect(again.every((it) => it.fate === 'removed')).toBe(true);
    expect(again.filter((it) => it.reappearance?.removedAgainAt)).toHaveLength(1);
  });

  it('writes one list file and one answer file that parse back to the plan', () => {
    const list = parse(actionDayListCsv(plan), { columns: true }) as Record<string, string>[];
    expect(list).toHaveLength(2145);
    expect(list[0]).toEqual({ locator: plan.items[0].locator, contentKind: plan.items[0].contentKind, basis: 'tos_referral',
      unit: plan.items[0].unit, sentAt: plan.items[0].sentAt, channel: expect.any(String) });
    const answers = parse(actionDayAnswersCsv(plan), { columns: true }) as Record<string, string>[];
    expect(answers).toHaveLength(2145 - FATES.unanswered);
    const withText = plan.items.find((it) => it.answer?.reasonText?.includes(','));
    expect(answers.find((a) => a.locator === withText?.answerLocator)?.reasonText).toBe(withText?.answer?.reasonText);
    expect(answers.filter((a) => a.outcome === 'geo_blocked').every((a) => /^[A-Z]{2}(;[A-Z]{2})*$/.test(a.countries))).toBe(true);
  });

  it('is the same story for the same seed and other content for another seed', () => {
    expect(actionDayListCsv(planActionDay(NOW, 'spec-seed'))).toBe(actionDayListCsv(plan));
    expect(actionDayAnswersCsv(planActionDay(NOW, 'spec-seed'))).toBe(actionDayAnswersCsv(plan));
    const other = new Set(planActionDay(NOW, 'other-seed').items.map((it) => locatorKey(it.locator).referralId));
    expect(plan.items.some((it) => other.has(locatorKey(it.locator).referralId))).toBe(false);
  });

  it('expects the organiser to see the day as recorded', () => {
    expect(expectedProgress(plan, FATES.unanswered)).toEqual({
      referred: 2145, sent: 2145, removed: FATES.removed - (REAPPEARING - 1), declined: FATES.declined, geoBlocked: FATES.geo_blocked,
      answered: 2145 - FATES.unanswered - (REAPPEARING - 1), noResponse: FATES.unanswered, reappeared: REAPPEARING,
    });
  });
});

describe('seed story: referrals one by one', () => {
  const on = (platform: string) => singles.filter((r) => r.platform === platform);

  it('refers a few dozen Telegram posts, mostly left unanswered', () => {
    const telegram = on('telegram').filter((r) => r.basis === 'tos_referral');
    expect(telegram.length).toBeGreaterThanOrEqual(30);
    expect(telegram.filter((r) => r.outcome || r.acknowledgedAt).length).toBeLessThanOrEqual(5);
    expect(new Set(telegram.map((r) => r.contentKind))).toEqual(new Set(['crime_menu', 'recruitment_offer']));
  });

  it('sends two removal orders: one removed within the hour, one late', () => {
    const orders = singles.filter((r) => r.basis === 'removal_order');
    const minutes = orders.map((r) => (ms(r.outcome?.at) - ms(r.sentAt)) / 60_000);
    expect(minutes).toHaveLength(2);
    expect(minutes.filter((m) => m <= 60)).toHaveLength(1);
    expect(minutes.filter((m) => m > 60)).toHaveLength(1);
  });

  it('links referrals to both handlers of the wave, from SE and DK, with a Danish co-referral spelled differently', () => {
    const linked = singles.filter((r) => r.handler);
    expect(new Set(linked.map((r) => r.handler))).toEqual(new Set(['menu-man', 'klippet']));
    expect(new Set(linked.map((r) => r.by))).toEqual(new Set(['se', 'dk']));
    const co = singles.filter((r) => r.coReferral);
    expect(co.map((r) => [r.by, r.coReferral?.by])).toEqual([['se', 'dk'], ['se', 'dk']]);
    expect(co.some((r) => r.handler === 'klippet') && co.some((r) => r.handler === undefined)).toBe(true);
    for (const r of co) {
      expect(r.coReferral?.locator).not.toBe(r.locator);
      expect(locatorKey(r.coReferral!.locator).referralId).toBe(locatorKey(r.locator).referralId);
    }
  });

  it('covers several platforms, on reserved domains, with every instant past and in order', () => {
    expect(new Set(singles.map((r) => r.platform))).toEqual(new Set(['telegram', 'tiktok', 'snapchat', 'instagram', 'youtube']));
    expect(new Set(singles.map((r) => locatorKey(r.locator).referralId)).size).toBe(singles.length);
    for (const r of singles) {
      expect(onReservedDomain(r.locator)).toBe(true);
      const times = [r.referredAt, r.sentAt, r.acknowledgedAt, r.outcome?.at].filter((t): t is string => t !== undefined).map(ms);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times, ms(r.coReferral?.referredAt) || 0)).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(planSingleReferrals(NOW, 'spec-seed')).toEqual(singles);
  });
});
