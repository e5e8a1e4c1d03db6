import { referralSubject, type PersonalDataPolicyOf, type ReviewedPlain } from '../shared/personal-data.js';
import type { ReferralEvent } from './referral.events.js';

const content = (...paths: string[]) => paths.map((path) => ({ path, subject: referralSubject }));

/**
 * A referral's personal fields (ADR 19): the locator names an account or a post, so it is the
 * content holder's. Its SHA-256 stays in clear: it is the de-duplication key and the stream id (ADR 11).
 */
export const REFERRAL_PERSONAL_DATA: PersonalDataPolicyOf<ReferralEvent> = {
  ContentReferred: content('locator'),
  CoReferrerJoined: [],
  ReferralSentToPlatform: [],
  PlatformAcknowledged: [],
  ContentRemoved: [],
  ContentGeoBlocked: [],
  RemovalDeclined: content('reasonText'),
  NoPlatformResponse: [],
  ContentReappeared: content('locator'),
  ReferralWithdrawn: content('reason'),
};

export const REFERRAL_REVIEWED_PLAIN: ReviewedPlain = {
  'ContentReferred.locatorSha256': 'the de-duplication key and stream id (ADR 11); pseudonymous, kept in clear: the known limit of a referral\'s erasure (ADR 19)',
  'ContentReappeared.locatorSha256': 'as ContentReferred.locatorSha256',
  'ContentReferred.platformName': 'the name of a platform (platform "other"), not a person',
  'ContentReferred.basis': 'an enumeration (removal order or terms-of-service referral)',
  'ContentReferred.unit': 'the referring officer\'s unit, kept for the Art. 25 log under its own retention',
  'CoReferrerJoined.unit': 'the joining officer\'s unit, as above',
  'ReferralSentToPlatform.channel': 'how the referral was sent (portal, e-mail, IRMa)',
  'PlatformAcknowledged.platformReference': 'the platform\'s ticket number',
  'RemovalDeclined.reason': 'an enumeration of decline reasons (the free text is reasonText)',
};
