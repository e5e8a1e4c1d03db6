import { describe, it } from '@jest/globals';
import {
  ORDER_DUE_AT, REFERRAL_DUE_AT, by, contentReferred, contentRemoved, givenReferral as given, noPlatformResponse,
  orderReferred, orderSent, referralCommand as command, sentToPlatform,
} from '../../../testing/referral.fixtures.js';

const noResponse = (now?: string) => command('RecordNoPlatformResponse', {}, by('SE', now));

describe('RecordNoPlatformResponse', () => {
  it('records that the removal order\'s hour passed without an outcome', () => {
    given([orderReferred, orderSent]).when(noResponse())
      .then([noPlatformResponse(ORDER_DUE_AT, '2024-09-02T10:00:00.000Z')]);
  });

  it('may be recorded at the deadline itself', () => {
    given([orderReferred, orderSent]).when(noResponse(ORDER_DUE_AT)).then([noPlatformResponse(ORDER_DUE_AT, ORDER_DUE_AT)]);
  });

  it('is refused while the deadline lies ahead', () => {
    given([orderReferred, orderSent]).when(noResponse('2024-09-02T09:29:59.999Z')).thenThrows('REFERRAL_RESPONSE_NOT_DUE');
    given([contentReferred(), sentToPlatform()]).when(noResponse()).thenThrows('REFERRAL_RESPONSE_NOT_DUE');
  });

  it('counts the follow-up period of a terms-of-service referral', () => {
    given([contentReferred(), sentToPlatform()]).when(noResponse(REFERRAL_DUE_AT)).then([noPlatformResponse(REFERRAL_DUE_AT, REFERRAL_DUE_AT)]);
  });

  it('needs the round to have been sent', () => {
    given([orderReferred]).when(noResponse()).thenThrows('REFERRAL_NOT_SENT');
  });

  it('is refused once the platform has answered', () => {
    given([orderReferred, orderSent, contentRemoved()]).when(noResponse()).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
  });

  it('is a no-op when already recorded in the round (a scheduler running twice)', () => {
    given([orderReferred, orderSent, noPlatformResponse()]).when(noResponse('2024-09-02T11:00:00.000Z')).thenNothing();
  });
});
