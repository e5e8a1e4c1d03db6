import { NotFoundException } from '@nestjs/common';
import { referralStreamId } from '@liaison/domain';
import { StreamNotFound, type EventStore, type RecordedEvent } from '@liaison/event-store';

/**
 * A referral's whole stream, for a supervisor of a country that referred it (originator or
 * co-referrer): referrals are made jointly, so each referring country answers for its part. Anyone
 * else gets the same 404 as for a referral that does not exist.
 */
export async function referredStream(store: EventStore, referralId: string, country: string): Promise<{ events: RecordedEvent[]; originCountry: string }> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(referralStreamId(referralId));
  } catch (e) {
    if (e instanceof StreamNotFound) throw notFound();
    throw e;
  }
  const first = events[0];
  const originCountry = first?.type === 'ContentReferred' ? first.data.referringCountry : undefined;
  if (typeof originCountry !== 'string') throw notFound();
  const referrers = new Set([originCountry, ...events.filter((e) => e.type === 'CoReferrerJoined').map((e) => e.data.country)]);
  if (!referrers.has(country)) throw notFound();
  return { events, originCountry };
}

function notFound(): NotFoundException {
  return new NotFoundException({ message: 'Referral not found', code: 'REFERRAL_NOT_FOUND' });
}
