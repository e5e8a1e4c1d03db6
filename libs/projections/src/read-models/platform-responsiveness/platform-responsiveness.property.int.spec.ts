// Property: the figures maintained event by event equal a from-scratch computation, for every viewer,
// at several points of random histories (co-referrers joining late, cases shared and revoked while
// their referrals evolve, reappearances, withdrawals). Visibility comes from the ledger (referralVisibleTo
// over its rows), round-1 facts from a plain fold of the events written here, independently of the projection.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@liaison/event-store';
import { referralVisibleTo } from '../../access/referral-access.js';
import type { ProjectionInstance } from '../../runner/projection-instance.js';
import { applyInPages, memoryInstance } from '../../testing/projection-harness.js';
import { generateReferralWorkload, REFERRAL_COUNTRIES } from '../../testing/referral-workload.js';
import { referralLedgerProjection } from '../referral-ledger/referral-ledger.projection.js';
import { platformResponsivenessProjection } from './platform-responsiveness.projection.js';
import { platformResponsiveness, type ResponsivenessFigures } from './platform-responsiveness.queries.js';

const H = 3_600_000;
type D = Record<string, string>;
interface Facts {
  platform: string; month: string; origin: string; basis: string; reappeared: boolean; noResponse: boolean;
  sent?: number; answer?: number; outcome?: string; outcomeAt?: number;
}

/** Round 1 of every referral, folded from the events in log order. */
function factsOf(events: readonly RecordedEvent[]): Map<string, Facts> {
  const all = new Map<string, Facts>();
  for (const e of events) {
    const d = e.data as D;
    if (e.type === 'ContentReferred') {
      all.set(d.referralId, { platform: d.platform, month: d.referredAt.slice(0, 7), origin: d.referringCountry, basis: d.basis,
        reappeared: false, noResponse: false });
      continue;
    }
    const f = all.get(d.referralId);
    if (!f) continue;
    if (e.type === 'ContentReappeared') f.reappeared = true;
    if (f.reappeared) continue;
    const outcomeAt = d.removedAt ?? d.blockedAt ?? d.declinedAt;
    if (e.type === 'ReferralSentToPlatform' && f.sent === undefined) f.sent = Date.parse(d.sentAt);
    if (e.type === 'NoPlatformResponse') f.noResponse = true;
    const answeredAt = outcomeAt ?? (e.type === 'PlatformAcknowledged' ? d.acknowledgedAt : undefined);
    if (answeredAt !== undefined) f.answer = Math.min(f.answer ?? Infinity, Date.parse(answeredAt));
    if (outcomeAt !== undefined) {
      f.outcome = { ContentRemoved: 'removed', ContentGeoBlocked: 'geo_blocked', RemovalDeclined: 'declined' }[e.type];
      f.outcomeAt = Date.parse(outcomeAt);
    }
  }
  return all;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
function quantile(hours: number[], q: number): number | null {
  if (hours.length === 0) return null;
  const sorted = [...hours].sort((a, b) => a - b);
  return sorted.find((_, i) => i + 1 >= q * sorted.length) ?? null;
}

/** The figures of a set of referrals, straight from their definitions. */
function figuresOf(fs: Facts[], now: number): ResponsivenessFigures {
  const sent = fs.filter((f) => f.sent !== undefined);
  const removed = fs.filter((f) => f.outcome === 'removed');
  const ttr = sent.filter((f) => f.outcome === 'removed').map((f) => Math.max(0, Math.floor((f.outcomeAt! - f.sent!) / H)));
  const unanswered = (limit: number) => {
    const cut = Math.floor((now - limit) / H);
    const eligible = sent.filter((f) => f.answer !== undefined || Math.floor(f.sent! / H) <= cut);
    return ratio(eligible.filter((f) => f.answer === undefined || f.answer - f.sent! > limit).length, eligible.length);
  };
  const orders = sent.filter((f) => f.basis === 'removal_order');
  return {
    referred: fs.length, sent: sent.length, removed: removed.length, removalRate: ratio(removed.length, sent.length),
    medianHoursToRemoval: quantile(ttr, 0.5), p90HoursToRemoval: quantile(ttr, 0.9),
    unansweredAfter24hShare: unanswered(24 * H), unansweredAfter7dShare: unanswered(7 * 24 * H),
    ordersSent: orders.length,
    ordersWithin1hShare: ratio(orders.filter((f) => f.outcome === 'removed' && f.outcomeAt! - f.sent! <= H).length, orders.length),
    reuploadRate: ratio(fs.filter((f) => f.reappeared).length, removed.length),
    declined: fs.filter((f) => f.outcome === 'declined').length, geoBlocked: fs.filter((f) => f.outcome === 'geo_blocked').length,
    noResponse: fs.filter((f) => f.noResponse).length,
  };
}

function groupBy<K extends string>(fs: Facts[], key: (f: Facts) => string, label: (k: string) => Record<K, string>, now: number) {
  const groups = new Map<string, Facts[]>();
  for (const f of fs) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  return [...groups.keys()].sort().map((k) => ({ ...label(k), ...figuresOf(groups.get(k)!, now) }));
}

describe('platform responsiveness: maintained figures equal a from-scratch computation', () => {
  const log = generateReferralWorkload({ referrals: 600, cases: 10, seed: 42, until: '2025-01-31T00:00:00.000Z' });
  let ledger: ProjectionInstance;
  let figures: ProjectionInstance;
  beforeAll(() => {
    ledger = memoryInstance(referralLedgerProjection);
    figures = memoryInstance(platformResponsivenessProjection);
  });
  afterAll(() => {
    ledger.close();
    figures.close();
  });

  const cuts = [0.35, 0.7, 1].map((f) => Math.floor(log.events.length * f));
  it.each(cuts.map((cut, i) => [cut, i]))('after %i events, for every viewer and several instants', (cut, i) => {
    const from = i === 0 ? 0 : cuts[i - 1];
    applyInPages(ledger, log.events.slice(from, cut), 37);
    applyInPages(figures, log.events.slice(from, cut), 53);
    const facts = factsOf(log.events.slice(0, cut));
    expect(facts.size).toBeGreaterThan(100);
    for (const country of REFERRAL_COUNTRIES) {
      const visible = ledger.db.prepare(`SELECT referral_id FROM rl_referrals r WHERE ${referralVisibleTo('r')}`).pluck()
        .all({ viewerCountry: country }) as string[];
      const fs = visible.map((id) => facts.get(id)!);
      // Also an instant a minute past 24 h after some unanswered referral was sent: the hour-resolution edge.
      const pending = fs.find((f) => f.sent !== undefined && f.answer === undefined);
      const edge = pending ? [new Date(pending.sent! + 24 * H + 60_000).toISOString()] : [];
      const answer = (selected: Facts[], t: number) => ({
        rows: groupBy(selected, (f) => `${f.platform} ${f.month}`, (k) => ({ platform: k.split(' ')[0], month: k.split(' ')[1] }), t),
        platformTotals: groupBy(selected, (f) => f.platform, (platform) => ({ platform }), t),
        byReferringCountry: groupBy(selected, (f) => f.origin, (c) => ({ country: c }), t),
      });
      for (const now of ['2024-06-15T10:30:00.000Z', '2025-03-01T00:00:00.000Z', ...edge]) {
        expect([country, now, platformResponsiveness(figures.db, { country }, { now })]).toEqual([country, now, answer(fs, Date.parse(now))]);
      }
      // Each filter alone and all together: the period and platform select rows, the basis selects sub-cells within them.
      const now = '2024-11-01T00:00:00.000Z';
      const filters: [object, (f: Facts) => boolean][] = [
        [{ basis: 'removal_order' }, (f) => f.basis === 'removal_order'],
        [{ platform: 'telegram' }, (f) => f.platform === 'telegram'],
        [{ from: '2024-09', to: '2024-11' }, (f) => f.month >= '2024-09' && f.month <= '2024-11'],
        [{ from: '2024-10', to: '2024-10', platform: 'tiktok', basis: 'tos_referral' },
          (f) => f.month === '2024-10' && f.platform === 'tiktok' && f.basis === 'tos_referral'],
      ];
      for (const [filter, selects] of filters) {
        if (country === 'SE') expect([filter, fs.filter(selects).length > 0]).toEqual([filter, true]);
        expect([country, filter, platformResponsiveness(figures.db, { country }, { now, ...filter })])
          .toEqual([country, filter, answer(fs.filter(selects), Date.parse(now))]);
      }
    }
  });
});
