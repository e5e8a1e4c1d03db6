import { describe, it } from '@jest/globals';
import {
  NOW, SENT_AT, acknowledged, by, coReferrerJoined, contentReappeared, contentReferred, contentRemoved,
  givenReferral as given, noPlatformResponse, orderReferred, orderSent, referralCommand as command, sentToPlatform,
} from '../../../testing/referral.fixtures.js';

const ack = (acknowledgedAt = '2024-09-02T08:40:00.000Z', extra: Record<string, unknown> = {}, country = 'SE') =>
  command('RecordPlatformAcknowledgement', { acknowledgedAt, ...extra } as never, by(country));

describe('RecordPlatformAcknowledgement', () => {
  it('records the platform\'s acknowledgement of the sent referral', () => {
    given([contentReferred(), sentToPlatform()]).when(ack()).then([acknowledged()]);
  });

  it('keeps the platform\'s reference, trimmed, and accepts a co-referrer recording it', () => {
    given([contentReferred(), coReferrerJoined('DK'), sentToPlatform()])
      .when(ack('2024-09-02T08:40:00.000Z', { platformReference: ' LE-88123 ' }, 'DK'))
      .then([{ type: 'PlatformAcknowledged', data: { ...acknowledged().data, platformReference: 'LE-88123' } }]);
  });

  it('needs the round to have been sent', () => {
    given([contentReferred()]).when(ack()).thenThrows('REFERRAL_NOT_SENT');
    given([orderReferred, orderSent, contentRemoved(), contentReappeared()]).when(ack(NOW)).thenThrows('REFERRAL_NOT_SENT');
  });

  it('is a no-op when the round is already acknowledged', () => {
    given([contentReferred(), sentToPlatform(), acknowledged()]).when(ack('2024-09-02T08:50:00.000Z')).thenNothing();
  });

  it('refuses an acknowledgement after the round\'s outcome', () => {
    given([contentReferred(), sentToPlatform(), contentRemoved()]).when(ack()).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
  });

  it('is still accepted after the deadline passed unanswered', () => {
    given([orderReferred, orderSent, noPlatformResponse()]).when(ack('2024-09-02T09:40:00.000Z'))
      .then([acknowledged('2024-09-02T09:40:00.000Z')]);
  });

  it('lies between sending and now', () => {
    given([contentReferred(), sentToPlatform()]).when(ack('2024-09-02T08:29:00Z')).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([contentReferred(), sentToPlatform()]).when(ack('2024-09-02T10:00:01Z')).thenThrows('TIMESTAMP_IN_FUTURE');
    given([contentReferred(), sentToPlatform()]).when(ack(SENT_AT)).then([acknowledged(SENT_AT)]);
  });

  it('refuses a malformed instant and an over-long reference', () => {
    given([contentReferred(), sentToPlatform()]).when(ack('soon')).thenThrows('INVALID_TIMESTAMP');
    given([contentReferred(), sentToPlatform()]).when(ack(undefined, { platformReference: 'r'.repeat(201) })).thenThrows('INVALID_TEXT');
  });
});
