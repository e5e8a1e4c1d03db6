import { describe, it } from '@jest/globals';
import { ReferralAccessDenied, ReferralNotFound } from '../../../shared/domain-error.js';
import {
  NOW, by, coReferrerJoined, contentReferred, contentRemoved, givenReferral as given, orderReferred, orderSent,
  referralCommand as command, referralWithdrawn,
} from '../../../testing/referral.fixtures.js';

const withdraw = (reason: unknown = 'Referred in error', country = 'SE') =>
  command('WithdrawReferral', { reason } as never, by(country));

describe('WithdrawReferral', () => {
  it('withdraws the referral now', () => {
    given([contentReferred()]).when(withdraw(' Referred in error ')).then([{
      type: 'ReferralWithdrawn', data: { ...referralWithdrawn.data, withdrawnAt: NOW },
    }]);
  });

  it('may withdraw whatever the platform has done', () => {
    given([orderReferred, orderSent, contentRemoved()]).when(withdraw())
      .then([{ type: 'ReferralWithdrawn', data: { ...referralWithdrawn.data, withdrawnAt: NOW } }]);
  });

  it('is a no-op on a withdrawn referral', () => {
    given([contentReferred(), referralWithdrawn]).when(withdraw('Again')).thenNothing();
  });

  it('is for the originating country only', () => {
    given([contentReferred(), coReferrerJoined('DK')]).when(withdraw(undefined, 'DK'))
      .thenThrows('NOT_THE_ORIGINATOR', ReferralAccessDenied);
    given([contentReferred()]).when(withdraw(undefined, 'NO')).thenThrows('NOT_A_REFERRER', ReferralAccessDenied);
  });

  it('needs the referral to exist', () => {
    given([]).when(withdraw()).thenThrows('REFERRAL_NOT_FOUND', ReferralNotFound);
  });

  it('needs a reason of at most 500 characters', () => {
    given([contentReferred()]).when(withdraw('  ')).thenThrows('INVALID_TEXT');
    given([contentReferred()]).when(withdraw('r'.repeat(501))).thenThrows('INVALID_TEXT');
  });
});
