import { describe, it } from '@jest/globals';
import {
  SENT_AT, acknowledged, by, contentReappeared, contentReferred, contentRemoved, geoBlocked, givenReferral as given,
  noPlatformResponse, orderReferred, orderSent, referralCommand as command, removalDeclined, sentToPlatform,
} from '../../../testing/referral.fixtures.js';

const AT = '2024-09-02T09:00:00.000Z';
const outcome = (data: Record<string, unknown>, country = 'SE') =>
  command('RecordPlatformOutcome', { at: AT, ...data } as never, by(country));
const sent = [contentReferred(), sentToPlatform()];

describe('RecordPlatformOutcome', () => {
  it('records each kind of answer as its own event', () => {
    given(sent).when(outcome({ outcome: 'removed' })).then([contentRemoved(AT)]);
    given(sent).when(outcome({ outcome: 'geo_blocked', countries: ['SE', 'DK'] })).then([geoBlocked(['SE', 'DK'], AT)]);
    given([...sent, acknowledged()]).when(outcome({ outcome: 'declined', reason: 'no_violation_found' }))
      .then([removalDeclined('no_violation_found', AT)]);
  });

  it('keeps the platform\'s own words for a decline', () => {
    given(sent).when(outcome({ outcome: 'declined', reason: 'other', reasonText: ' Satire ' }))
      .then([{ type: 'RemovalDeclined', data: { ...removalDeclined('other', AT).data, reasonText: 'Satire' } }]);
  });

  it('needs the round to have been sent', () => {
    given([contentReferred()]).when(outcome({ outcome: 'removed' })).thenThrows('REFERRAL_NOT_SENT');
  });

  it('records a late answer after the deadline passed unanswered', () => {
    given([orderReferred, orderSent, noPlatformResponse()]).when(outcome({ outcome: 'removed', at: '2024-09-02T09:50:00.000Z' }))
      .then([contentRemoved('2024-09-02T09:50:00.000Z')]);
  });

  it('is a no-op for the same answer at the same instant (a re-imported answer file)', () => {
    given([...sent, contentRemoved(AT)]).when(outcome({ outcome: 'removed', at: '2024-09-02T11:00:00+02:00' })).thenNothing();
    given([...sent, geoBlocked(['SE', 'DK'], AT)]).when(outcome({ outcome: 'geo_blocked', countries: ['DK', 'SE'] })).thenNothing();
    given([...sent, removalDeclined('legal_objection', AT)]).when(outcome({ outcome: 'declined', reason: 'legal_objection' })).thenNothing();
  });

  it('is a no-op for an earlier round\'s answer imported again after the content reappeared', () => {
    const reappeared = [orderReferred, orderSent, contentRemoved(AT), contentReappeared('2024-09-02T09:15:00.000Z')];
    given(reappeared).when(outcome({ outcome: 'removed' })).thenNothing();
    given([...reappeared, sentToPlatform('2024-09-02T10:20:00.000Z', '2024-09-02T09:20:00.000Z'), contentRemoved('2024-09-02T09:40:00.000Z')])
      .when(outcome({ outcome: 'removed' })).thenNothing();
    given(reappeared).when(outcome({ outcome: 'removed', at: '2024-09-02T09:01:00Z' })).thenThrows('REFERRAL_NOT_SENT');
  });

  it('allows one outcome per round: a different answer, instant or detail is refused', () => {
    given([...sent, contentRemoved(AT)]).when(outcome({ outcome: 'declined', reason: 'other' })).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
    given([...sent, contentRemoved(AT)]).when(outcome({ outcome: 'removed', at: '2024-09-02T09:01:00Z' })).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
    given([...sent, geoBlocked(['SE'], AT)]).when(outcome({ outcome: 'geo_blocked', countries: ['SE', 'NO'] })).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
    given([...sent, removalDeclined('other', AT)]).when(outcome({ outcome: 'declined', reason: 'legal_objection' })).thenThrows('REFERRAL_OUTCOME_ALREADY_RECORDED');
  });

  it('takes a new outcome in the round a reappearance starts', () => {
    const history = [orderReferred, orderSent, contentRemoved(AT), contentReappeared('2024-09-02T09:15:00.000Z'),
      sentToPlatform('2024-09-02T10:20:00.000Z', '2024-09-02T09:20:00.000Z')];
    given(history).when(outcome({ outcome: 'removed', at: '2024-09-02T09:40:00.000Z' })).then([contentRemoved('2024-09-02T09:40:00.000Z')]);
  });

  it('lies between sending and now', () => {
    given(sent).when(outcome({ outcome: 'removed', at: '2024-09-02T08:29:59Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given(sent).when(outcome({ outcome: 'removed', at: '2024-09-02T10:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
    given(sent).when(outcome({ outcome: 'removed', at: SENT_AT })).then([contentRemoved(SENT_AT)]);
  });

  it.each([
    ['an unknown outcome', { outcome: 'hidden' }, 'INVALID_VALUE'],
    ['geo_blocked without countries', { outcome: 'geo_blocked' }, 'INVALID_VALUE'],
    ['geo_blocked with no countries', { outcome: 'geo_blocked', countries: [] }, 'INVALID_VALUE'],
    ['geo_blocked with a country twice', { outcome: 'geo_blocked', countries: ['SE', 'SE'] }, 'DUPLICATE_VALUE'],
    ['geo_blocked with a lowercase country', { outcome: 'geo_blocked', countries: ['se'] }, 'INVALID_COUNTRY_CODE'],
    ['declined without a reason', { outcome: 'declined' }, 'INVALID_VALUE'],
    ['declined with an unknown reason', { outcome: 'declined', reason: 'busy' }, 'INVALID_VALUE'],
    ['a decline text over 1000 characters', { outcome: 'declined', reason: 'other', reasonText: 'x'.repeat(1001) }, 'INVALID_TEXT'],
    ['countries on a removal', { outcome: 'removed', countries: ['SE'] }, 'INVALID_VALUE'],
    ['a reason on a geo-block', { outcome: 'geo_blocked', countries: ['SE'], reason: 'other' }, 'INVALID_VALUE'],
    ['a reason text on a removal', { outcome: 'removed', reasonText: 'gone' }, 'INVALID_VALUE'],
    ['a malformed instant', { outcome: 'removed', at: 'today' }, 'INVALID_TIMESTAMP'],
  ])('refuses %s', (_, data, code) => {
    given(sent).when(outcome(data)).thenThrows(code);
  });
});
