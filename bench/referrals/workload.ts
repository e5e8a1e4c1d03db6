// A million referrals from the projections' own seeded referral workload (every referral event type,
// co-referrers, case sharing churn, action days), generated a few thousand referrals per chunk with
// each chunk's referral, case and action-day ids suffixed, so chunks add new streams.
import type { EventStore, JsonObject } from '@liaison/event-store';
import { generateReferralWorkload } from '../../libs/projections/src/testing/referral-workload.js';
import { appendCommands, chunkedCommands } from '../support/seed-log.js';

/** Referrals per generator call: its interleaving is quadratic in the referrals it holds at once. */
export const REFERRALS_PER_CHUNK = 5000;
const ID_FIELDS = ['referralId', 'caseId', 'actionDayId'] as const;

/** Suffixes the chunk to a stream id (`referral-r-000042` → `referral-r-000042.k7`) and to the ids in a payload. */
export function renameForChunk(chunk: number, streamId: string, data: JsonObject): { streamId: string; data: JsonObject } {
  const suffix = `.k${chunk}`;
  const renamed: JsonObject = { ...data };
  for (const f of ID_FIELDS) if (typeof data[f] === 'string') renamed[f] = `${data[f]}${suffix}`;
  return { streamId: `${streamId}${suffix}`, data: renamed };
}

/** Appends `referrals` referrals (and each chunk's cases and action days), business times up to `until`. */
export function seedReferrals(
  store: EventStore, referrals: number, until: string, onProgress?: (events: number) => void,
): Promise<{ head: bigint; events: number }> {
  const chunks = Math.ceil(referrals / REFERRALS_PER_CHUNK);
  const generate = (chunk: number) =>
    generateReferralWorkload({ referrals: Math.min(REFERRALS_PER_CHUNK, referrals - chunk * REFERRALS_PER_CHUNK), seed: 1 + chunk, until }).events;
  return appendCommands(store, chunkedCommands(generate, renameForChunk, chunks), Number.POSITIVE_INFINITY, 2000, onProgress);
}
