import { describe, it } from '@jest/globals';
import {
  REAPPEARED_LOCATOR, REAPPEARED_SHA256, by, coReferrerJoined, contentReappeared, contentRemoved, geoBlocked,
  givenReferral as given, noPlatformResponse, orderReferred, orderSent, referralCommand as command, removalDeclined,
} from '../../../testing/referral.fixtures.js';

const REMOVED_AT = '2024-09-02T09:00:00.000Z';
const reappeared = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('RecordContentReappeared', {
    locator: REAPPEARED_LOCATOR, locatorSha256: REAPPEARED_SHA256, seenAt: '2024-09-02T09:15:00.000Z', ...data,
  } as never, by(country));
const removed = [orderReferred, orderSent, contentRemoved(REMOVED_AT)];

describe('RecordContentReappeared', () => {
  it('records removed content uploaded again, starting a new round', () => {
    given(removed).when(reappeared()).then([contentReappeared()]);
  });

  it('also follows geo-blocked content, recorded by a co-referrer', () => {
    given([orderReferred, coReferrerJoined('DK'), orderSent, geoBlocked()]).when(reappeared({}, 'DK')).then([contentReappeared()]);
  });

  it('trims the new locator and stores its hash lowercase', () => {
    given(removed).when(reappeared({ locator: ` ${REAPPEARED_LOCATOR} `, locatorSha256: REAPPEARED_SHA256.toUpperCase() }))
      .then([contentReappeared()]);
  });

  it('needs the round\'s content to have been removed or blocked', () => {
    given([orderReferred]).when(reappeared()).thenThrows('REFERRAL_NOT_REMOVED');
    given([orderReferred, orderSent, noPlatformResponse()]).when(reappeared()).thenThrows('REFERRAL_NOT_REMOVED');
    given([orderReferred, orderSent, removalDeclined()]).when(reappeared()).thenThrows('REFERRAL_NOT_REMOVED');
    given([...removed, contentReappeared()]).when(reappeared()).thenThrows('REFERRAL_NOT_REMOVED');
  });

  it('lies between the removal and now', () => {
    given(removed).when(reappeared({ seenAt: '2024-09-02T08:59:59Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given(removed).when(reappeared({ seenAt: '2024-09-02T10:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
    given(removed).when(reappeared({ seenAt: REMOVED_AT })).then([contentReappeared(REMOVED_AT)]);
  });

  it('validates the new locator and its hash', () => {
    given(removed).when(reappeared({ locator: '' })).thenThrows('INVALID_LOCATOR');
    given(removed).when(reappeared({ locatorSha256: 'nope' })).thenThrows('INVALID_SHA256');
    given(removed).when(reappeared({ seenAt: undefined })).thenThrows('INVALID_TIMESTAMP');
  });
});
