import { describe, it } from '@jest/globals';
import {
  NOW, ORDER_DUE_AT, REFERRAL_DUE_AT, REFERRED_AT, SENT_AT, by, coReferrerJoined, contentReappeared, contentReferred,
  contentRemoved, givenReferral as given, orderReferred, orderSent, referralCommand as command, sentToPlatform,
} from '../../../testing/referral.fixtures.js';

const send = (data: Record<string, unknown> = { sentAt: SENT_AT }, country = 'SE') =>
  command('SendReferralToPlatform', data as never, by(country));

describe('SendReferralToPlatform', () => {
  it('gives a terms-of-service referral the default follow-up period', () => {
    given([contentReferred()]).when(send()).then([sentToPlatform(REFERRAL_DUE_AT)]);
  });

  it('gives a removal order one hour (Regulation 2021/784), whatever followUpDays says', () => {
    given([orderReferred]).when(send()).then([orderSent]);
    given([orderReferred]).when(send({ sentAt: SENT_AT, followUpDays: 30 })).then([orderSent]);
  });

  it('uses the configured follow-up period and keeps the channel', () => {
    given([contentReferred()]).when(send({ sentAt: SENT_AT, followUpDays: 14, channel: ' TikTok LE portal ' }))
      .then([{ type: 'ReferralSentToPlatform', data: { ...sentToPlatform('2024-09-16T08:30:00.000Z').data, channel: 'TikTok LE portal' } }]);
  });

  it('writes the deadline in UTC even when sentAt has an offset (sentAt is kept as given)', () => {
    given([orderReferred]).when(send({ sentAt: '2024-09-02T10:30:00+02:00' }))
      .then([sentToPlatform(ORDER_DUE_AT, '2024-09-02T10:30:00+02:00')]);
  });

  it('sends now when no sentAt is given', () => {
    given([orderReferred]).when(send({})).then([sentToPlatform('2024-09-02T11:00:00.000Z', NOW)]);
  });

  it('may be sent by a co-referrer', () => {
    given([orderReferred, coReferrerJoined('DK')]).when(send({ sentAt: SENT_AT }, 'DK')).then([orderSent]);
  });

  it.each([0, 91, 2.5, '7'])('refuses followUpDays %p', (followUpDays) => {
    given([contentReferred()]).when(send({ sentAt: SENT_AT, followUpDays })).thenThrows('INVALID_VALUE');
  });

  it('refuses a second send in the same round', () => {
    given([contentReferred(), sentToPlatform()]).when(send()).thenThrows('REFERRAL_ALREADY_SENT');
  });

  it('sends again in the round a reappearance starts, not before the content was seen again', () => {
    const history = [orderReferred, orderSent, contentRemoved(), contentReappeared('2024-09-02T09:15:00.000Z')];
    given(history).when(send({ sentAt: '2024-09-02T09:20:00.000Z' }))
      .then([sentToPlatform('2024-09-02T10:20:00.000Z', '2024-09-02T09:20:00.000Z')]);
    given(history).when(send({ sentAt: '2024-09-02T09:10:00.000Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('refuses a sentAt before the referral or in the future', () => {
    given([contentReferred()]).when(send({ sentAt: '2024-09-02T07:59:59Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([contentReferred()]).when(send({ sentAt: '2024-09-02T10:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
    given([contentReferred()]).when(send({ sentAt: REFERRED_AT })).then([sentToPlatform('2024-09-09T08:00:00.000Z', REFERRED_AT)]);
  });

  it('refuses a channel over 200 characters', () => {
    given([contentReferred()]).when(send({ sentAt: SENT_AT, channel: 'c'.repeat(201) })).thenThrows('INVALID_TEXT');
  });

  it('fixes the order deadline to the hour after sending', () => {
    given([orderReferred]).when(send({ sentAt: SENT_AT })).then([sentToPlatform(ORDER_DUE_AT)]);
  });
});
