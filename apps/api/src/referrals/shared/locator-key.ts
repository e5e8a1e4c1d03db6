import { createHash } from 'node:crypto';
import { normaliseLocator, referralIdFor } from '@liaison/domain';

export interface LocatorKey {
  /** SHA-256 (hex) of the normalised locator: the de-duplication key stored in ContentReferred. */
  sha256: string;
  /** The referral stream's id, derived from the hash: the same content always lands on one stream. */
  referralId: string;
}

/**
 * Hashing lives here because the domain has no crypto; normalisation is the domain's (pure). Two
 * spellings of one URL (tracking parameters, www., http) give the same key, so the second referral
 * of it becomes a co-referral on the first one's stream instead of a duplicate.
 */
export function locatorKey(locator: string): LocatorKey {
  const sha256 = createHash('sha256').update(normaliseLocator(locator), 'utf8').digest('hex');
  return { sha256, referralId: referralIdFor(sha256) };
}
