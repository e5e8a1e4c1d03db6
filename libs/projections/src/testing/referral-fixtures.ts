// Hand-built referral events for specs: payloads as plain records (the read models read them so).
import type { JsonObject } from '@liaison/event-store';
import type { EventLog } from './event-fixtures.js';

export interface ReferralFixture {
  referralId: string;
  origin?: string;
  platform?: string;
  basis?: 'removal_order' | 'tos_referral';
  referredAt: string;
  caseId?: string;
  actionDayId?: string;
}

/** Appends ContentReferred with defaults (tiktok, tos_referral, SE) for the fields a spec does not care about. */
export function referContent(log: EventLog, r: ReferralFixture, extra: JsonObject = {}): void {
  const origin = r.origin ?? 'SE';
  const platform = r.platform ?? 'tiktok';
  log.append(`referral-${r.referralId}`, 'ContentReferred', {
    referralId: r.referralId, platform, ...(platform === 'other' ? { platformName: 'Kick' } : {}),
    locator: `https://${platform}.test/${r.referralId}`, locatorSha256: r.referralId.padEnd(64, '0'),
    contentKind: 'recruitment_offer', basis: r.basis ?? 'tos_referral', referredBy: `officer-${origin.toLowerCase()}`,
    referringCountry: origin, unit: `${origin} cyber`, referredAt: r.referredAt,
    ...(r.caseId ? { caseId: r.caseId } : {}), ...(r.actionDayId ? { actionDayId: r.actionDayId } : {}), ...extra,
  }, origin);
}

/** Appends a later event of the referral's stream. */
export function onReferral(log: EventLog, referralId: string, type: string, data: JsonObject, country = 'SE'): void {
  log.append(`referral-${referralId}`, type, { referralId, ...data }, country);
}

/** Sends the referral at `sentAt` (due one hour later for an order, seven days for a referral). */
export function sendReferral(log: EventLog, referralId: string, sentAt: string, basis: 'removal_order' | 'tos_referral' = 'tos_referral'): void {
  const due = Date.parse(sentAt) + (basis === 'removal_order' ? 3_600_000 : 7 * 86_400_000);
  onReferral(log, referralId, 'ReferralSentToPlatform', { sentAt, responseDueAt: new Date(due).toISOString(), channel: 'portal' });
}
