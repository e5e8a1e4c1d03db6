import { CHANNELS, csvLine, DAY, digits, HOUR, instant, seededRandom, seedTag, shuffled, tiktokVideo } from './seed-story.referrals.cast.js';

/**
 * The fictional referral action day with TikTok, shaped like Europol's of 28 September 2023: the EU
 * IRU coordinates, eleven countries take part, 2,145 items are flagged on the day. Pure: a plan of
 * what was listed and what the platform answered, the two CSV files, and what the read side should
 * then show. Nothing here talks HTTP (seed-story.referrals.ts records it).
 */

export const ACTION_DAY = {
  title: 'Referral Action Day: TikTok, violent extremist content (fictional)',
  coordinator: 'eu_iru',
  coordinatorName: 'Europol EU IRU',
  platform: 'tiktok',
  /** Eleven countries, as on the real day; FI instead of the UK so the Nordic demo identities see it. */
  participatingCountries: ['ES', 'CZ', 'DK', 'FR', 'DE', 'HU', 'IE', 'MT', 'PT', 'SE', 'FI'],
  daysAgo: 61,
} as const;

/** What TikTok did with the 2,145 items (sums to 2,145): mostly removed, some declined, a few open. */
export const FATES = { removed: 1902, declined: 187, geo_blocked: 27, acknowledged: 20, unanswered: 9 } as const;
export type Fate = keyof typeof FATES;
export const LISTED = Object.values(FATES).reduce((a, b) => a + b, 0);

/** Removed items uploaded again later; the first of them is sent again and removed a second time. */
export const REAPPEARING = 6;

export interface Answer {
  outcome: Fate & ('removed' | 'declined' | 'geo_blocked' | 'acknowledged');
  at: string;
  countries?: string[];
  reason?: string;
  reasonText?: string;
  platformReference?: string;
}

export interface ListedItem {
  /** As the list spells it (desktop link). */
  locator: string;
  /** As TikTok's answer file spells the same video (www. host): the service normalises both alike. */
  answerLocator: string;
  contentKind: string;
  unit: string;
  sentAt: string;
  fate: Fate;
  answer?: Answer;
  reappearance?: { locator: string; seenAt: string; sentAgainAt?: string; removedAgainAt?: string };
}

export interface ActionDayPlan {
  /** YYYY-MM-DD, about two months before `now`. */
  date: string;
  items: ListedItem[];
}

// Hours from flagging to removal: some the same day, most within two to five days, a tail to two weeks.
const REMOVAL_BANDS: readonly [share: number, fromH: number, toH: number][] = [
  [0.16, 1, 24], [0.14, 24, 48], [0.5, 48, 120], [0.14, 120, 216], [0.06, 216, 336],
];
const DECLINES: readonly [share: number, reason: string, text?: string][] = [
  [0.62, 'no_violation_found'],
  [0.12, 'no_violation_found', 'Reviewed: news reporting context, kept with a warning label (fictional)'],
  [0.18, 'insufficient_information'],
  [0.03, 'legal_objection', 'Under appeal in the country of upload (fictional)'],
  [0.05, 'other', 'Account already suspended; video no longer public (fictional)'],
];
const GEO_BLOCKS: readonly string[][] = [['DE'], ['DE', 'AT'], ['FR'], ['DK', 'SE']];
const KINDS: readonly [share: number, kind: string][] = [[0.46, 'glorification'], [0.44, 'terrorist_content'], [0.06, 'threat'], [0.04, 'other']];
// Which country's unit flagged an item (shares of the day's list; the list is recorded as one file).
const UNIT_SHARES: readonly [share: number, country: string][] = [
  [0.24, 'ES'], [0.14, 'DE'], [0.12, 'FR'], [0.08, 'SE'], [0.07, 'DK'], [0.07, 'CZ'], [0.07, 'HU'], [0.06, 'IE'],
  [0.05, 'PT'], [0.05, 'FI'], [0.05, 'MT'],
];

/** A row of a share table, drawn with the seeded source (shares sum to 1). */
function pick<R extends readonly [number, ...unknown[]]>(table: readonly R[], random: () => number): R {
  let u = random();
  return table.find(([share]) => (u -= share) < 0) ?? table[table.length - 1];
}

/** The day's plan for `now` and `seed`; every instant is at least a fortnight before `now`. */
export function planActionDay(now: Date, seed: string): ActionDayPlan {
  const random = seededRandom(seed, 'action-day');
  const day = new Date(now.getTime() - ACTION_DAY.daysAgo * DAY);
  const dayStart = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const tag = seedTag(seed);
  const fates = shuffled((Object.keys(FATES) as Fate[]).flatMap((f) => Array<Fate>(FATES[f]).fill(f)), random);
  let reappearing = 0;
  const items = fates.map((fate, i): ListedItem => {
    // 400 fictional accounts; flagged between 07:00 and 17:00 UTC on the day.
    const account = `demo.account.${tag}.${Math.floor(random() * 400)}`;
    const video = `7${digits(seed, `action-day:video:${i}`, 18)}`;
    const sent = dayStart + 7 * HOUR + Math.floor(random() * 600) * 60_000;
    const after = (hours: number) => instant(sent + hours * HOUR);
    const item: ListedItem = {
      locator: tiktokVideo(account, video),
      answerLocator: tiktokVideo(account, video).replace('https://', 'https://www.'),
      contentKind: pick(KINDS, random)[1],
      unit: `${pick(UNIT_SHARES, random)[1]} national referral unit (fictional)`,
      sentAt: instant(sent),
      fate,
    };
    if (fate === 'removed') {
      const [, from, to] = pick(REMOVAL_BANDS, random);
      const hours = from + random() * (to - from);
      item.answer = { outcome: 'removed', at: after(hours) };
      if (reappearing < REAPPEARING) {
        // Re-uploaded one to four weeks after the removal, by the same account.
        const seen = sent + hours * HOUR + (7 + 4 * reappearing + random()) * DAY;
        item.reappearance = { locator: tiktokVideo(account, `7${digits(seed, `action-day:reupload:${i}`, 18)}`), seenAt: instant(seen) };
        if (reappearing === 0) Object.assign(item.reappearance, { sentAgainAt: instant(seen + 2 * HOUR), removedAgainAt: instant(seen + 21 * HOUR) });
        reappearing += 1;
      }
    } else if (fate === 'declined') {
      const [, reason, reasonText] = pick(DECLINES, random);
      item.answer = { outcome: 'declined', at: after(48 + random() * 192), reason, ...(reasonText ? { reasonText } : {}) };
    } else if (fate === 'geo_blocked') {
      item.answer = { outcome: 'geo_blocked', at: after(72 + random() * 96), countries: GEO_BLOCKS[i % GEO_BLOCKS.length] };
    } else if (fate === 'acknowledged') {
      // Under review since: acknowledged within two days, no decision yet.
      item.answer = { outcome: 'acknowledged', at: after(4 + random() * 40), platformReference: `TT-LE-${digits(seed, `ack:${i}`, 8)}` };
    }
    return item;
  });
  return { date: new Date(dayStart).toISOString().slice(0, 10), items };
}

/** The list as the organiser submits it: one CSV, every item sent on the day. */
export function actionDayListCsv(plan: ActionDayPlan): string {
  const rows = plan.items.map((it) => csvLine([it.locator, it.contentKind, 'tos_referral', it.unit, it.sentAt, CHANNELS.tiktok]));
  return `${['locator,contentKind,basis,unit,sentAt,channel', ...rows].join('\n')}\n`;
}

/** TikTok's answer file: one line per item it answered, spelled the platform's way. */
export function actionDayAnswersCsv(plan: ActionDayPlan): string {
  const rows = plan.items.filter((it) => it.answer).map(({ answerLocator, answer: a }) => csvLine([
    answerLocator, a!.outcome, a!.at, a!.countries?.join(';'), a!.reason, a!.reasonText, a!.platformReference,
  ]));
  return `${['locator,outcome,at,countries,reason,reasonText,platformReference', ...rows].join('\n')}\n`;
}

/** What GET /referrals/action-days/:id answers the organiser once the story is recorded. */
export function expectedProgress(plan: ActionDayPlan, noResponseRecorded: number) {
  const count = (p: (it: ListedItem) => boolean) => plan.items.filter(p).length;
  // A reappearance opens a new round without an outcome, unless it was removed again.
  const removedNow = (it: ListedItem) => it.fate === 'removed' && (!it.reappearance || it.reappearance.removedAgainAt !== undefined);
  return {
    referred: plan.items.length,
    sent: plan.items.length,
    answered: count((it) => it.fate !== 'unanswered' && (it.fate !== 'removed' || removedNow(it))),
    removed: count(removedNow),
    geoBlocked: FATES.geo_blocked,
    declined: FATES.declined,
    noResponse: noResponseRecorded,
    reappeared: count((it) => it.reappearance !== undefined),
  };
}
