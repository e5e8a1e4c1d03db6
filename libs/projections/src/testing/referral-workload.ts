// A deterministic mix of platform referrals, action days and the case sharing that decides who sees
// them: co-referrers joining late, cases shared and revoked while their referrals evolve, answers
// early and late, silences, reappearances with a second round, withdrawals. Seeded, like workload.ts.
import type { JsonObject } from '@liaison/event-store';
import { interleaveSteps, type EventLog, type WorkloadStep } from './event-fixtures.js';
import { seededRandom } from './workload.js';

export const REFERRAL_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'] as const;
const PLATFORMS = ['tiktok', 'telegram', 'snapchat', 'instagram', 'other'] as const;
const HOUR = 3_600_000;
const YEAR_START = Date.parse('2024-01-01T00:00:00.000Z');

type Step = WorkloadStep;

export interface ReferralWorkloadOptions {
  referrals: number;
  cases?: number;
  actionDays?: number;
  seed?: number;
  /** Latest business time any event may carry (so specs can pick a `now` after all of them). */
  until?: string;
}

export function generateReferralWorkload(options: ReferralWorkloadOptions): EventLog {
  const rnd = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const iso = (ms: number): string => new Date(ms).toISOString();
  const until = Date.parse(options.until ?? '2025-01-31T00:00:00.000Z');
  const span = until - YEAR_START - 60 * 24 * HOUR;
  const queues: Step[][] = [];

  const caseIds: string[] = [];
  for (let n = 0; n < (options.cases ?? 12); n++) {
    const caseId = `rc-${n}`;
    const owner = pick(['SE', 'DK', 'NO'] as const);
    const stream = `case-${caseId}`;
    const q: Step[] = [{ stream, type: 'CaseOpened', country: owner, data: { caseId, ownerCountry: owner, title: `Referral case ${n}`,
      offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' } }];
    // Sharing churn spread over the whole log: each toggle shares or revokes a partner.
    for (let k = 0; k < 6; k++) {
      const partnerCountry = pick(REFERRAL_COUNTRIES.filter((c) => c !== owner));
      q.push(rnd() < 0.6
        ? { stream, type: 'CaseSharedWith', country: owner, data: { caseId, partnerCountry, level: pick(['read', 'contribute']) } }
        : { stream, type: 'CaseSharingRevoked', country: owner, data: { caseId, partnerCountry } });
    }
    caseIds.push(caseId);
    queues.push(q);
  }

  const dayIds: string[] = [];
  for (let n = 0; n < (options.actionDays ?? 2); n++) {
    const actionDayId = `ad-${n}`;
    const stream = `action-day-${actionDayId}`;
    const organiserCountry = pick(REFERRAL_COUNTRIES);
    const participatingCountries = REFERRAL_COUNTRIES.filter((c) => c !== organiserCountry && rnd() < 0.5);
    const file = (k: number): string => `${n}`.padStart(2, '0') + `${k}`.padStart(62, 'f');
    queues.push([
      { stream, type: 'ReferralActionDayPlanned', country: organiserCountry, data: { actionDayId, title: `Action day ${n}`,
        coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU', platform: pick(PLATFORMS), date: `2024-0${n + 3}-12`,
        participatingCountries, organiserCountry } },
      { stream, type: 'ActionDayListSubmitted', country: organiserCountry, data: { actionDayId, fileSha256: file(1), format: 'csv', rows: 40, country: organiserCountry } },
      { stream, type: 'ActionDayListSubmitted', country: organiserCountry, data: { actionDayId, fileSha256: file(1), format: 'csv', rows: 40, country: organiserCountry } },
      { stream, type: 'PlatformAnswersImported', country: organiserCountry, data: { actionDayId, fileSha256: file(2), format: 'jsonl', rows: 38, country: organiserCountry } },
    ]);
    dayIds.push(actionDayId);
  }

  for (let n = 0; n < options.referrals; n++) queues.push(referralSteps(n));

  function referralSteps(n: number): Step[] {
    const referralId = `r-${String(n).padStart(6, '0')}`;
    const stream = `referral-${referralId}`;
    const origin = pick(REFERRAL_COUNTRIES);
    const platform = pick(PLATFORMS);
    const basis = rnd() < 0.3 ? 'removal_order' : 'tos_referral';
    const actionDayId = dayIds.length && rnd() < 0.2 ? pick(dayIds) : undefined;
    let t = YEAR_START + Math.floor(rnd() * span);
    const step = (type: string, data: JsonObject, country = origin): Step => ({ stream, type, country, data: { referralId, ...data } });
    const steps: Step[] = [step('ContentReferred', {
      platform, ...(platform === 'other' ? { platformName: 'Kick' } : {}), locator: `https://example.test/${platform}/${n}`,
      locatorSha256: n.toString(16).padStart(64, '0'), contentKind: pick(['recruitment_offer', 'crime_menu', 'threat']), basis,
      ...(caseIds.length && rnd() < 0.5 ? { caseId: pick(caseIds) } : {}), ...(rnd() < 0.2 ? { handlerId: 'h-0' } : {}),
      ...(actionDayId ? { actionDayId } : {}), referredBy: `officer-${origin.toLowerCase()}`, referringCountry: origin,
      unit: `${origin} cyber unit`, referredAt: iso(t),
    })];
    const later: Step[] = [];
    const round = (first: boolean): void => {
      if (rnd() < (first ? 0.1 : 0.4)) return; // never sent (in this round)
      const sentAt = (t += Math.floor(rnd() * 48 * HOUR));
      const due = sentAt + (basis === 'removal_order' ? HOUR : 7 * 24 * HOUR);
      later.push(step('ReferralSentToPlatform', { sentAt: iso(sentAt), responseDueAt: iso(due), channel: 'portal' }));
      const wait = Math.floor(rnd() < 0.4 ? rnd() * 3 * HOUR : rnd() * 400 * HOUR);
      if (rnd() < 0.5) later.push(step('PlatformAcknowledged', { acknowledgedAt: iso(sentAt + Math.floor(wait / 2)) }));
      if (rnd() < 0.2) later.push(step('NoPlatformResponse', { responseDueAt: iso(due), recordedAt: iso(due + HOUR) }));
      const r = rnd();
      const at = iso((t = sentAt + wait));
      if (r < 0.5) later.push(step('ContentRemoved', { removedAt: at }));
      else if (r < 0.6) later.push(step('ContentGeoBlocked', { blockedAt: at, countries: ['SE'] }));
      else if (r < 0.75) later.push(step('RemovalDeclined', { declinedAt: at, reason: 'no_violation_found' }));
    };
    round(true);
    if (later.some((s) => s.type === 'ContentRemoved' || s.type === 'ContentGeoBlocked') && rnd() < 0.3) {
      t += Math.floor(rnd() * 200 * HOUR);
      later.push(step('ContentReappeared', { locator: `https://example.test/${platform}/${n}-again`,
        locatorSha256: (n + 1e9).toString(16).padStart(64, '0'), seenAt: iso(t) }));
      round(false);
    }
    if (rnd() < 0.06) later.push(step('ReferralWithdrawn', { reason: 'duplicate', withdrawnAt: iso((t += HOUR)) }));
    // Co-referrers join at any point after the referral.
    for (const country of REFERRAL_COUNTRIES) {
      if (country === origin || rnd() >= 0.15) continue;
      const join = step('CoReferrerJoined', { country, referredBy: `officer-${country.toLowerCase()}`, unit: `${country} unit`,
        ...(dayIds.length && rnd() < 0.3 ? { actionDayId: pick(dayIds) } : {}), joinedAt: iso(t) }, country);
      later.splice(Math.floor(rnd() * (later.length + 1)), 0, join);
    }
    return steps.concat(later);
  }

  return interleaveSteps(queues, rnd);
}
