import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_FOLLOW_UP_DAYS, REFERRAL_PLATFORMS, referralStreamId, type ReferralPlatform } from '@liaison/domain';
import { StreamNotFound } from '@liaison/event-store';
import type { EventStore } from '@liaison/event-store';
import { EVENT_STORE } from '../../infrastructure/event-store.provider.js';

/**
 * Follow-up period per platform for terms-of-service referrals, from REFERRAL_FOLLOW_UP_DAYS
 * (`telegram=3,tiktok=5`); platforms not named keep DEFAULT_FOLLOW_UP_DAYS. Removal orders always
 * have Regulation 2021/784's one hour, which no setting can change.
 */
export function followUpDaysFrom(env: Record<string, string | undefined>): Readonly<Record<ReferralPlatform, number>> {
  const days = Object.fromEntries(REFERRAL_PLATFORMS.map((p) => [p, DEFAULT_FOLLOW_UP_DAYS])) as Record<ReferralPlatform, number>;
  const setting = env.REFERRAL_FOLLOW_UP_DAYS?.trim();
  if (!setting) return days;
  for (const pair of setting.split(',')) {
    const [platform, value] = pair.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!(REFERRAL_PLATFORMS as readonly string[]).includes(platform) || !Number.isInteger(n) || n < 1 || n > 90) {
      throw new Error(`REFERRAL_FOLLOW_UP_DAYS: "${pair}" must be <platform>=<1..90 days> with a platform of ${REFERRAL_PLATFORMS.join(', ')}`);
    }
    days[platform as ReferralPlatform] = n;
  }
  return days;
}

export const FOLLOW_UP_DAYS = Symbol('FOLLOW_UP_DAYS');

/** The platform a referral was made to: its first event's, which never changes. */
@Injectable()
export class ReferralPlatforms {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async platformOf(referralId: string): Promise<ReferralPlatform | undefined> {
    try {
      const [first] = await this.store.readStream(referralStreamId(referralId), { maxCount: 1 });
      return first?.type === 'ContentReferred' ? (first.data.platform as ReferralPlatform) : undefined;
    } catch (e) {
      if (e instanceof StreamNotFound) return undefined;
      throw e;
    }
  }
}
