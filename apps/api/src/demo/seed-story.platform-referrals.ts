import { DAY, digits, HOUR, instant, seededRandom, seedTag, telegramPost, tiktokVideo } from './seed-story.referrals.cast.js';

/**
 * Referrals made one by one outside the action day (pure plan; seed-story.referrals.ts records it):
 * Telegram "crime menus" and recruitment posts that mostly go unanswered, two removal orders showing
 * the one-hour rule, referrals linked to the wave case's handlers from SE and DK (with a Danish
 * co-referral of a video Sweden already referred, spelled with tracking parameters), and a few
 * Snapchat, Instagram and YouTube items so the platform comparison has several bars.
 */

export type Platform = 'telegram' | 'tiktok' | 'snapchat' | 'instagram' | 'youtube';

export interface PlannedOutcome {
  outcome: 'removed' | 'geo_blocked' | 'declined';
  at: string;
  countries?: string[];
  reason?: string;
  reasonText?: string;
}

export interface SingleReferral {
  /** Names the steps (Idempotency-Keys) and lets specs find it. */
  key: string;
  by: 'se' | 'dk';
  platform: Platform;
  locator: string;
  contentKind: string;
  basis: 'tos_referral' | 'removal_order';
  /** A handler of the wave case (cast key): the referral carries the case and the handler. */
  handler?: 'menu-man' | 'klippet';
  referredAt: string;
  sentAt: string;
  acknowledgedAt?: string;
  outcome?: PlannedOutcome;
  /** The other country refers the same content later, spelled differently. */
  coReferral?: { by: 'dk'; locator: string; referredAt: string };
}

/** Telegram tos referrals besides the handler's two menus; three removed, one acknowledged, slowly. */
export const TELEGRAM_ITEMS = 34;
/** Item → hours from sending to removal: mostly after the week a platform is given. */
const TELEGRAM_REMOVED = new Map([[5, 60], [17, 170], [26, 200]]);
const TELEGRAM_ACKNOWLEDGED = 11;
/** The Telegram post Denmark co-refers: not linked to any case, so only the referrers see it. */
export const TELEGRAM_CO_REFERRED = 2;

export function planSingleReferrals(now: Date, seed: string): SingleReferral[] {
  const random = seededRandom(seed, 'single-referrals');
  const ago = (days: number) => now.getTime() - days * DAY - Math.floor(random() * 90) * 60_000;
  const tag = seedTag(seed);
  const id = (label: string, n = 6) => digits(seed, `referral:${label}`, n);
  const plan: SingleReferral[] = [];
  type Draft = Omit<SingleReferral, 'referredAt' | 'sentAt' | 'acknowledgedAt' | 'outcome' | 'coReferral'> & {
    /** Joins `afterH` hours after the first referral. */
    coReferral?: { by: 'dk'; locator: string; afterH: number };
  };
  const add = (r: Draft, daysAgo: number,
    answer?: { ackH?: number; outcome?: Omit<PlannedOutcome, 'at'>; afterH?: number; sentAfterMin?: number }) => {
    const referred = ago(daysAgo);
    const sent = referred + (answer?.sentAfterMin ?? 20 + Math.floor(random() * 70)) * 60_000;
    const { coReferral, ...fields } = r;
    plan.push({
      ...fields, referredAt: instant(referred), sentAt: instant(sent),
      ...(coReferral ? { coReferral: { by: coReferral.by, locator: coReferral.locator, referredAt: instant(referred + coReferral.afterH * HOUR) } } : {}),
      ...(answer?.ackH !== undefined ? { acknowledgedAt: instant(sent + answer.ackH * HOUR) } : {}),
      ...(answer?.outcome ? { outcome: { ...answer.outcome, at: instant(sent + (answer.afterH ?? 48) * HOUR) } } : {}),
    });
  };

  // Telegram: channels advertising "jobs" (violence for payment) and price lists, over seven weeks.
  for (let i = 0; i < TELEGRAM_ITEMS; i++) {
    const by = i % 5 < 3 ? 'se' : 'dk';
    const channel = by === 'se' ? `snabba_jobb_${tag}_${i % 7}` : `hurtige_opgaver_${tag}_${i % 5}`;
    const answer = TELEGRAM_REMOVED.has(i) ? { outcome: { outcome: 'removed' as const }, afterH: TELEGRAM_REMOVED.get(i)! + random() }
      : i === TELEGRAM_ACKNOWLEDGED ? { ackH: 200 } : undefined;
    add({
      key: `telegram:${i}`, by, platform: 'telegram', locator: telegramPost(channel, id(`tg:${i}`, 5)),
      contentKind: i % 2 ? 'crime_menu' : 'recruitment_offer', basis: 'tos_referral',
      ...(i === TELEGRAM_CO_REFERRED ? {
        coReferral: { by: 'dk', locator: `https://www.t.me.example/${channel}/${id(`tg:${i}`, 5)}/?utm_source=share&utm_medium=copy`, afterH: 46 },
      } : {}),
    }, 2 + (TELEGRAM_ITEMS - 1 - i) * 1.4, answer);
  }
  // The wave's Telegram handler: his "menu" channel, referred with the case and the handler.
  for (const [n, daysAgo] of [[1, 30], [2, 24]] as const) {
    add({ key: `menu-man:${n}`, by: 'se', platform: 'telegram', handler: 'menu-man', locator: telegramPost(`meny_${tag}`, id(`menu:${n}`, 4)),
      contentKind: 'crime_menu', basis: 'tos_referral' }, daysAgo);
  }
  // Removal orders (Regulation 2021/784, terrorist content only): one hour to comply.
  const order = { by: 'se' as const, platform: 'telegram' as const, contentKind: 'terrorist_content', basis: 'removal_order' as const };
  add({ ...order, key: 'order:within-hour', locator: telegramPost(`order_${tag}_a`, id('order:a', 4)) }, 20,
    { outcome: { outcome: 'removed' }, afterH: 41 / 60, sentAfterMin: 12 });
  add({ ...order, key: 'order:late', locator: telegramPost(`order_${tag}_b`, id('order:b', 4)) }, 9,
    { outcome: { outcome: 'removed' }, afterH: 4.2, sentAfterMin: 9 });

  // The wave case's TikTok handler: boasting and recruitment videos, referred by both countries.
  const klippet = `demo.recruiter.${tag}`;
  const boast = id('boast', 18);
  add({
    key: 'klippet:boast', by: 'se', platform: 'tiktok', handler: 'klippet', locator: tiktokVideo(klippet, `7${boast}`),
    contentKind: 'glorification', basis: 'tos_referral',
    coReferral: { by: 'dk', locator: `https://www.tiktok.example/@${klippet}/video/7${boast}?is_from_webapp=1&sender_device=pc&utm_source=copy`, afterH: 6 },
  }, 26, { outcome: { outcome: 'removed' }, afterH: 50 });
  const recruit = (n: number, daysAgo: number, answer: Parameters<typeof add>[2]) => add({
    key: `klippet:recruit:${n}`, by: 'dk', platform: 'tiktok', handler: 'klippet', locator: tiktokVideo(klippet, `7${id(`recruit:${n}`, 18)}`),
    contentKind: 'recruitment_offer', basis: 'tos_referral',
  }, daysAgo, answer);
  recruit(1, 40, { outcome: { outcome: 'removed' }, afterH: 20 });
  recruit(2, 33, { outcome: { outcome: 'removed' }, afterH: 75 });
  recruit(3, 15, { outcome: { outcome: 'declined', reason: 'insufficient_information' }, afterH: 96 });
  add({ key: 'klippet:snapchat', by: 'dk', platform: 'snapchat', handler: 'klippet', locator: `https://snapchat.example/add/${klippet}`,
    contentKind: 'recruitment_offer', basis: 'tos_referral' }, 31, { outcome: { outcome: 'removed' }, afterH: 30 });

  // Other platforms, so the comparison has several bars.
  const other = (key: string, by: 'se' | 'dk', platform: Platform, locator: string, contentKind: string, daysAgo: number, answer?: Parameters<typeof add>[2]) =>
    add({ key, by, platform, locator, contentKind, basis: 'tos_referral' }, daysAgo, answer);
  other('snapchat:1', 'se', 'snapchat', `https://snapchat.example/add/jobb.${tag}.1`, 'recruitment_offer', 38, { outcome: { outcome: 'removed' }, afterH: 44 });
  other('snapchat:2', 'se', 'snapchat', `https://snapchat.example/add/jobb.${tag}.2`, 'recruitment_offer', 27,
    { outcome: { outcome: 'declined', reason: 'no_violation_found' }, afterH: 120 });
  other('snapchat:3', 'dk', 'snapchat', `https://snapchat.example/add/opgave.${tag}.3`, 'crime_menu', 18);
  other('instagram:1', 'se', 'instagram', `https://instagram.example/p/${tag}${id('ig:1', 7)}/`, 'glorification', 35, { outcome: { outcome: 'removed' }, afterH: 70 });
  other('instagram:2', 'dk', 'instagram', `https://instagram.example/p/${tag}${id('ig:2', 7)}/`, 'threat', 22, { outcome: { outcome: 'removed' }, afterH: 19 });
  other('instagram:3', 'se', 'instagram', `https://instagram.example/p/${tag}${id('ig:3', 7)}/`, 'glorification', 12,
    { outcome: { outcome: 'geo_blocked', countries: ['SE', 'DK'] }, afterH: 96 });
  other('youtube:1', 'se', 'youtube', `https://youtube.example/watch?v=${tag}${id('yt:1', 7)}`, 'glorification', 29, { outcome: { outcome: 'removed' }, afterH: 14 });
  other('youtube:2', 'dk', 'youtube', `https://youtube.example/watch?v=${tag}${id('yt:2', 7)}`, 'threat', 16, { outcome: { outcome: 'removed' }, afterH: 9 });
  other('youtube:3', 'se', 'youtube', `https://youtube.example/watch?v=${tag}${id('yt:3', 7)}`, 'glorification', 6, { ackH: 22 });
  return plan;
}
