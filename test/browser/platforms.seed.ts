/**
 * Referrals for the Platforms browser spec, recorded through the real command API as a Swedish
 * officer: one TikTok action day (a CSV list of 32 items and the platforms' answer file), and one
 * Telegram referral made through the single routes (with a Danish co-referrer) for the timeline.
 * All locators are fictional (RFC 2606 example domains).
 */
import { locatorKey } from '../../apps/api/src/referrals/shared/locator-key.js';

type Post = (country: 'SE' | 'DK', path: string, body: string | object, contentType?: string) => Promise<{ position?: string | null }>;

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const url = (platform: string, i: number) => `https://www.${platform}.example/@fictional.seed/${platform === 'telegram' ? 'post' : 'video'}/${i}`;

export interface PlatformSeed {
  actionDayId: string;
  dayReferrals: number;
  /** The referral with a full timeline, and the one removed and uploaded again. */
  timelineReferralId: string;
  reappearedReferralId: string;
  /** A Telegram referral of the day, sent and still unanswered (overdue). */
  openTelegramReferralId: string;
  position: string;
}

export async function seedPlatformReferrals(post: Post, now: number): Promise<PlatformSeed> {
  const t0 = Math.floor((now - 10 * 24 * HOUR) / 60_000) * 60_000; // ten days ago, on the minute
  const { actionDayId } = (await post('SE', '/api/v1/referrals/action-days', {
    title: 'Referral Action Day: TikTok (fictional)', coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU', platform: 'tiktok',
    date: iso(t0).slice(0, 10), participatingCountries: ['SE', 'DK'],
  })) as { actionDayId: string };

  const tos = Array.from({ length: 20 }, (_, i) => url('tiktok', i));
  const telegram = Array.from({ length: 6 }, (_, i) => url('telegram', i));
  const orders = Array.from({ length: 6 }, (_, i) => url('tiktok', 100 + i));
  const row = (l: string, basis: string, platform: string) => `${l},recruitment_offer,${basis},NOA Cyber (fictional),${platform},${iso(t0 - HOUR)},${iso(t0)}`;
  const list = ['locator,contentKind,basis,unit,platform,referredAt,sentAt',
    ...tos.map((l) => row(l, 'tos_referral', 'tiktok')), ...telegram.map((l) => row(l, 'tos_referral', 'telegram')),
    ...orders.map((l) => row(l, 'removal_order', 'tiktok'))].join('\n');
  await post('SE', `/api/v1/referrals/action-days/${actionDayId}/list`, list, 'text/csv');

  // TikTok answers most ToS referrals (14 removed over hours to days), Telegram one of six; of six
  // removal orders three are removed within the hour.
  const at = (h: number) => iso(t0 + h * HOUR);
  const removedAfter = [0.5, 2, 3, 5, 8, 12, 20, 30, 40, 50, 70, 100, 150, 200];
  const answers = ['locator,outcome,at,countries,reason',
    ...removedAfter.map((h, i) => `${tos[i]},removed,${at(h)},,`),
    `${tos[14]},declined,${at(48)},,no_violation_found`, `${tos[15]},declined,${at(49)},,insufficient_information`,
    `${tos[16]},geo_blocked,${at(24)},SE;DK,`, `${tos[17]},acknowledged,${at(2)},,`,
    `${telegram[0]},removed,${at(30)},,`,
    `${orders[0]},removed,${at(0.5)},,`, `${orders[1]},removed,${at(0.75)},,`, `${orders[2]},removed,${at(0.9)},,`,
    `${orders[3]},removed,${at(3)},,`, `${orders[4]},acknowledged,${at(0.3)},,`].join('\n');
  await post('SE', `/api/v1/referrals/action-days/${actionDayId}/answers`, answers, 'text/csv');

  const id = (l: string) => locatorKey(l).referralId;
  await post('SE', `/api/v1/referrals/${id(tos[0] as string)}/reappearances`, { locator: `${tos[0]}-copy`, seenAt: at(72) });
  await post('SE', `/api/v1/referrals/${id(telegram[1] as string)}/no-response`, {});
  await post('SE', `/api/v1/referrals/${id(tos[19] as string)}/withdrawal`, { reason: 'Turned out to be a news report (fictional)' });

  // One Telegram referral through the single routes: referred, co-referred by Denmark, sent, acknowledged, declined.
  const single = 'https://t.example/fictional_channel/4711';
  const referredAt = t0 - 48 * HOUR;
  await post('SE', '/api/v1/referrals', { platform: 'telegram', locator: single, contentKind: 'crime_menu', basis: 'tos_referral', unit: 'NOA Cyber (fictional)', referredAt: iso(referredAt) });
  await post('DK', '/api/v1/referrals', { platform: 'telegram', locator: single, contentKind: 'crime_menu', basis: 'tos_referral', unit: 'NKC (fictional)', referredAt: iso(referredAt + HOUR) });
  await post('SE', `/api/v1/referrals/${id(single)}/sent`, { sentAt: iso(referredAt + 2 * HOUR), channel: 'Telegram abuse e-mail' });
  await post('SE', `/api/v1/referrals/${id(single)}/acknowledgement`, { acknowledgedAt: iso(referredAt + 20 * HOUR) });
  const last = await post('SE', `/api/v1/referrals/${id(single)}/outcome`, { outcome: 'declined', at: iso(t0), reason: 'legal_objection' });
  return {
    actionDayId, dayReferrals: tos.length + telegram.length + orders.length, timelineReferralId: id(single),
    reappearedReferralId: id(tos[0] as string), openTelegramReferralId: id(telegram[2] as string), position: String(last.position),
  };
}
