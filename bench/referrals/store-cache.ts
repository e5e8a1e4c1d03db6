// The 1M-referral data dir (generate + append ~4.3M events, then every read model built from
// scratch), cached by bench/support/store-cache.ts under a key of the data version and the count.
import { cachedStore, type CacheMeta } from '../support/store-cache.js';
import { seedReferrals } from './workload.js';

export { copyStore, projectionVersions } from '../support/store-cache.js';

/** Bump when the generated data changes (generator, renaming, `until`), so old caches are not reused. */
export const REFERRALS_DATA_VERSION = 1;
/** Pending figures count referrals sent in the last 7 days before `now`: older data would have none left. */
const MAX_AGE_MS = 3 * 86_400_000;

export type ReferralsCacheMeta = CacheMeta & { referrals: number };

/** Cache directory name: changes with the data version and the size. */
export function cacheKey(referrals: number): string {
  return `referrals-v${REFERRALS_DATA_VERSION}-${referrals}`;
}

/** The cached data dir for `referrals`, built first if missing or too old. */
export function cachedReferralStore(referrals: number, say: (line: string) => void) {
  return cachedStore({
    key: cacheKey(referrals), what: `${referrals.toLocaleString('en-US')} referrals`, maxAgeMs: MAX_AGE_MS,
    seed: async (store, until, onProgress) => ({ ...(await seedReferrals(store, referrals, until, onProgress)), referrals }),
  }, say);
}
