import { locatorKey } from '../referrals/shared/locator-key.js';
import type { CommandApi } from './command-api.client.js';
import { ACTION_DAY, actionDayAnswersCsv, actionDayListCsv, expectedProgress, LISTED, planActionDay } from './seed-story.action-day.js';
import { OFFICERS } from './seed-story.cast.js';
import { planSingleReferrals, TELEGRAM_CO_REFERRED, type SingleReferral } from './seed-story.platform-referrals.js';
import { CHANNELS, DAY, UNITS } from './seed-story.referrals.cast.js';

/** Ids and figures of the platform half of the story, for the CLI's summary and the specs. */
export interface ReferralStoryResult {
  actionDayId: string;
  /** YYYY-MM-DD. */
  actionDayDate: string;
  /** Items in the day's one list file (2,145). */
  listed: number;
  /** GET /api/v1/referrals/action-days/:id as the organiser (SE) once the story is recorded. */
  actionDayProgress: ReturnType<typeof expectedProgress>;
  /** Referrals recorded one by one (Telegram, the wave's handlers, other platforms), co-referrals not counted. */
  singleReferrals: number;
  /** NoPlatformResponse recorded, per platform. */
  noResponseRecorded: Record<string, number>;
  referralIds: {
    /** A video of the wave's TikTok handler, referred by SE and co-referred by DK with tracking parameters. */
    coReferredWithCase: string;
    /** A Telegram post in no case, referred by SE and co-referred by DK: visible to these two only. */
    coReferredWithoutCase: string;
    orderWithinHour: string;
    orderLate: string;
  };
}

interface ReferralContext {
  api: CommandApi;
  now: Date;
  seed: string;
  id: (label: string) => string;
  caseId: string;
  /** Handler ids of the wave case by cast key. */
  handlers: Record<string, string>;
}

type ReferralResult = { referralId: string; position: string | null; events: string[] };

/**
 * The platform half: the TikTok action day (plan, one list file, one answer file, then the silences
 * and re-uploads) alongside the single referrals. Overdue silences are recorded only where the
 * platform's follow-up period (read from the catalogue, REFERRAL_FOLLOW_UP_DAYS) has passed.
 * Referrals are independent streams, so they are recorded concurrently (each one's steps in order):
 * the store group-commits concurrent appends, one after the other would wait for every fsync.
 */
export async function recordReferrals(ctx: ReferralContext): Promise<ReferralStoryResult> {
  const { api, now } = ctx;
  const catalogue = await api.query<{ items: { platform: string; followUpDays: number }[] }>(OFFICERS.se, '/platforms');
  const followUpDays = new Map(catalogue.items.map((p) => [p.platform, p.followUpDays]));
  const noResponseRecorded: Record<string, number> = {};
  const answers: Answers = {
    overdue: (platform, sentAt) => Date.parse(sentAt) + (followUpDays.get(platform) ?? 7) * DAY <= now.getTime(),
    silence: async (referralId, officer, platform, step) => {
      await api.command(OFFICERS[officer], `/referrals/${referralId}/no-response`, {}, step);
      noResponseRecorded[platform] = (noResponseRecorded[platform] ?? 0) + 1;
    },
  };
  const singles = planSingleReferrals(now, ctx.seed);
  const [day, ids] = await Promise.all([
    recordActionDay(ctx, answers),
    Promise.all(singles.map(async (r) => [r.key, await recordSingle(ctx, r, answers)] as const)).then((pairs) => new Map(pairs)),
  ]);
  return {
    actionDayId: day.actionDayId, actionDayDate: day.plan.date, listed: LISTED,
    actionDayProgress: expectedProgress(day.plan, noResponseRecorded.tiktok ?? 0),
    singleReferrals: singles.length, noResponseRecorded,
    referralIds: {
      coReferredWithCase: ids.get('klippet:boast')!, coReferredWithoutCase: ids.get(`telegram:${TELEGRAM_CO_REFERRED}`)!,
      orderWithinHour: ids.get('order:within-hour')!, orderLate: ids.get('order:late')!,
    },
  };
}

interface Answers {
  overdue(platform: string, sentAt: string): boolean;
  silence(referralId: string, officer: 'se' | 'dk', platform: string, step: string): Promise<void>;
}

/** Sweden records the day in Liaison and submits the whole list as one file, then TikTok's answers as one. */
async function recordActionDay({ api, now, seed, id }: ReferralContext, { overdue, silence }: Answers) {
  const plan = planActionDay(now, seed);
  const actionDayId = id('action-day:tiktok');
  const day = `/referrals/action-days/${actionDayId}`;
  await api.command(OFFICERS.se, '/referrals/action-days', {
    actionDayId, title: ACTION_DAY.title, coordinator: ACTION_DAY.coordinator, coordinatorName: ACTION_DAY.coordinatorName,
    platform: ACTION_DAY.platform, date: plan.date, participatingCountries: ACTION_DAY.participatingCountries,
  }, 'action-day:plan');
  await api.command(OFFICERS.se, `${day}/list`, actionDayListCsv(plan), 'action-day:list');
  await api.command(OFFICERS.se, `${day}/answers`, actionDayAnswersCsv(plan), 'action-day:answers');
  await Promise.all(plan.items.map(async (item, i) => {
    const { referralId } = locatorKey(item.locator);
    if (item.fate === 'unanswered' && overdue('tiktok', item.sentAt)) await silence(referralId, 'se', 'tiktok', `action-day:${i}:no-response`);
    const again = item.reappearance;
    if (!again) return;
    await api.command(OFFICERS.se, `/referrals/${referralId}/reappearances`, { locator: again.locator, seenAt: again.seenAt }, `action-day:${i}:reappeared`);
    if (again.sentAgainAt && again.removedAgainAt) {
      await api.command(OFFICERS.se, `/referrals/${referralId}/sent`, { sentAt: again.sentAgainAt, channel: CHANNELS.tiktok }, `action-day:${i}:sent-again`);
      await api.command(OFFICERS.se, `/referrals/${referralId}/outcome`, { outcome: 'removed', at: again.removedAgainAt }, `action-day:${i}:removed-again`);
    }
  }));
  return { actionDayId, plan };
}

/** Refer, send, then what the platform did (or the recorded silence); the co-referral last. */
async function recordSingle({ api, caseId, handlers }: ReferralContext, r: SingleReferral, { overdue, silence }: Answers): Promise<string> {
  const links = r.handler ? { caseId, handlerId: handlers[r.handler] } : {};
  const step = (what: string) => `referral:${r.key}:${what}`;
  const { referralId } = await api.command<ReferralResult>(OFFICERS[r.by], '/referrals', {
    platform: r.platform, locator: r.locator, contentKind: r.contentKind, basis: r.basis, unit: UNITS[r.by], referredAt: r.referredAt, ...links,
  }, step('refer'));
  const path = `/referrals/${referralId}`;
  await api.command(OFFICERS[r.by], `${path}/sent`, { sentAt: r.sentAt, channel: CHANNELS[r.platform] }, step('sent'));
  if (r.acknowledgedAt) await api.command(OFFICERS[r.by], `${path}/acknowledgement`, { acknowledgedAt: r.acknowledgedAt }, step('acknowledged'));
  if (r.outcome) await api.command(OFFICERS[r.by], `${path}/outcome`, r.outcome, step('outcome'));
  else if (!r.acknowledgedAt && overdue(r.platform, r.sentAt)) await silence(referralId, r.by, r.platform, step('no-response'));
  if (r.coReferral) {
    const joined = await api.command<ReferralResult>(OFFICERS[r.coReferral.by], '/referrals', {
      platform: r.platform, locator: r.coReferral.locator, contentKind: r.contentKind, basis: r.basis, unit: UNITS[r.coReferral.by],
      referredAt: r.coReferral.referredAt, ...links,
    }, step('co-referral'));
    // The other spelling normalises to the same content: a co-referral, not a second referral.
    if (joined.referralId !== referralId || !joined.events.includes('CoReferrerJoined')) {
      throw new Error(`seed story: the co-referral of ${r.key} did not join the first referral`);
    }
  }
  return referralId;
}
