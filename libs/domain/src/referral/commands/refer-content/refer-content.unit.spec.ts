import { describe, it } from '@jest/globals';
import {
  EVIDENCE_SHA256, LOCATOR, LOCATOR_SHA256, NOW, REFERRED_AT, by, coReferrerJoined, contentReferred,
  givenReferral as given, referContentData, referralCommand as command, referralWithdrawn,
} from '../../../testing/referral.fixtures.js';

const refer = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('ReferContent', { ...referContentData, ...data } as never, by(country));

describe('ReferContent on a new stream', () => {
  it('refers the content, with the officer, country and unit as the referrer', () => {
    given([]).when(refer()).then([contentReferred()]);
  });

  it('keeps the optional links and the evidence hash (stored lowercase), and trims the locator', () => {
    given([])
      .when(refer({
        locator: `  ${LOCATOR} `, caseId: 'c-2024-0815', handlerId: 'h-1', actionDayId: 'ad-1',
        evidenceSha256: EVIDENCE_SHA256.toUpperCase(), locatorSha256: LOCATOR_SHA256.toUpperCase(),
      } as never))
      .then([contentReferred({ caseId: 'c-2024-0815', handlerId: 'h-1', actionDayId: 'ad-1', evidenceSha256: EVIDENCE_SHA256 })]);
  });

  it('dates the referral now when no referredAt is given', () => {
    const { referredAt: _, ...withoutDate } = referContentData;
    given([]).when(command('ReferContent', withoutDate as never, by('SE'))).then([contentReferred({ referredAt: NOW })]);
  });

  it('names a platform outside the catalogue', () => {
    given([]).when(refer({ platform: 'other', platformName: ' Rumble ' } as never))
      .then([contentReferred({ platform: 'other', platformName: 'Rumble' })]);
  });

  it('needs platformName exactly for platform other', () => {
    given([]).when(refer({ platform: 'other' } as never)).thenThrows('INVALID_TEXT');
    given([]).when(refer({ platformName: 'TikTok Lite' } as never)).thenThrows('INVALID_VALUE');
  });

  it('needs the case for a handler', () => {
    given([]).when(refer({ handlerId: 'h-1' } as never)).thenThrows('INVALID_VALUE');
  });

  it('refuses a referral dated in the future', () => {
    given([]).when(refer({ referredAt: '2024-09-02T10:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });

  it.each([
    ['a blank locator', { locator: '   ' }, 'INVALID_LOCATOR'],
    ['a locator over 2048 characters', { locator: `https://x.com/${'a'.repeat(2040)}` }, 'INVALID_LOCATOR'],
    ['a locator hash that is not hex', { locatorSha256: 'z'.repeat(64) }, 'INVALID_SHA256'],
    ['a short locator hash', { locatorSha256: 'ab'.repeat(31) }, 'INVALID_SHA256'],
    ['an evidence hash that is not hex', { evidenceSha256: 'evidence.png' }, 'INVALID_SHA256'],
    ['an unknown platform', { platform: 'myspace' }, 'INVALID_VALUE'],
    ['an unknown content kind', { contentKind: 'spam' }, 'INVALID_VALUE'],
    ['an unknown basis', { basis: 'request' }, 'INVALID_VALUE'],
    ['a unit over 200 characters', { unit: 'u'.repeat(201) }, 'INVALID_TEXT'],
    ['a blank unit', { unit: ' ' }, 'INVALID_TEXT'],
    ['a malformed referralId', { referralId: '../x' }, 'INVALID_ID'],
    ['a malformed caseId', { caseId: 'a b' }, 'INVALID_ID'],
    ['a malformed referredAt', { referredAt: '2024-09-02' }, 'INVALID_TIMESTAMP'],
  ])('refuses %s', (_, data, code) => {
    given([]).when(refer(data as never)).thenThrows(code);
  });
});

describe('ReferContent on an existing referral', () => {
  it('lets another country join as a co-referrer, dated by its own referredAt', () => {
    given([contentReferred()]).when(refer({ unit: 'Cyber unit', referredAt: '2024-09-02T09:00:00.000Z' }, 'DK'))
      .then([coReferrerJoined('DK')]);
  });

  it('dates the join now without referredAt and keeps the action day it came from', () => {
    const { referredAt: _, ...withoutDate } = referContentData;
    given([contentReferred()])
      .when(command('ReferContent', { ...withoutDate, unit: 'Cyber unit', actionDayId: 'ad-1' } as never, by('NO')))
      .then([{ type: 'CoReferrerJoined', data: { ...coReferrerJoined('NO', NOW).data, actionDayId: 'ad-1' } }]);
  });

  it('is a no-op for the originator and for a co-referrer (a re-submitted bulk file)', () => {
    given([contentReferred()]).when(refer()).thenNothing();
    given([contentReferred(), coReferrerJoined('DK')]).when(refer({ referredAt: REFERRED_AT }, 'DK')).thenNothing();
  });

  it('refuses a locator hash other than the referral\'s, even when the first half matches', () => {
    const sameHalf = `${LOCATOR_SHA256.slice(0, 32)}${'0'.repeat(32)}`;
    given([contentReferred()]).when(refer({ locatorSha256: sameHalf }, 'DK')).thenThrows('REFERRAL_LOCATOR_MISMATCH');
  });

  it('refuses a body naming another referral', () => {
    given([contentReferred()]).when(refer({ referralId: 'other-id' } as never, 'DK')).thenThrows('INVALID_ID');
  });

  it('refuses to join a withdrawn referral, even for the originator', () => {
    given([contentReferred(), referralWithdrawn]).when(refer({}, 'DK')).thenThrows('REFERRAL_WITHDRAWN');
    given([contentReferred(), referralWithdrawn]).when(refer()).thenThrows('REFERRAL_WITHDRAWN');
  });

  it('still validates every field of a duplicate', () => {
    given([contentReferred()]).when(refer({ unit: '' })).thenThrows('INVALID_TEXT');
  });
});
