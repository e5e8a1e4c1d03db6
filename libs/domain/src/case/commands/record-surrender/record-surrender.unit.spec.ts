import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import {
  CASE_ID, DETENTION_ID, EXTRADITION_ID, PERSON_ID, caseOpened, command, detentionRecorded, extraditionDecided,
  extraditionRequested, personRegistered, stageReached,
} from '../../../testing/case.fixtures.js';

const surrender = (surrenderedAt = '2024-08-29T09:00:00.000Z') => command('RecordSurrender', { extraditionId: EXTRADITION_ID, surrenderedAt });
const surrendered = { type: 'PersonSurrendered', data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, personId: PERSON_ID, surrenderedAt: '2024-08-29T09:00:00.000Z' } } as const;

const requested = [caseOpened, personRegistered, extraditionRequested('nordic-arrest-warrant', 'SE', 'DK'), stageReached('arrested', '2024-08-15T06:00:00.000Z')];

describe('RecordSurrender', () => {
  it('records the hand-over of a granted extradition', () => {
    given([...requested, extraditionDecided('granted')]).when(surrender()).then([surrendered]);
  });

  it('also ends the detention held in the requested state', () => {
    given([caseOpened, personRegistered, detentionRecorded, ...requested.slice(2), extraditionDecided('granted')])
      .when(surrender())
      .then([surrendered, { type: 'DetentionEnded', data: { caseId: CASE_ID, detentionId: DETENTION_ID, outcome: 'surrendered', endedAt: '2024-08-29T09:00:00.000Z' } }]);
  });

  it('needs a granted decision', () => {
    given(requested).when(surrender()).thenThrows('EXTRADITION_NOT_GRANTED');
    given([...requested, extraditionDecided('refused')]).when(surrender()).thenThrows('EXTRADITION_NOT_GRANTED');
  });

  it('surrenders only once', () => {
    given([...requested, extraditionDecided('granted'), surrendered]).when(surrender()).thenThrows('EXTRADITION_ALREADY_SURRENDERED');
  });

  it('rejects a hand-over before the decision or in the future', () => {
    given([...requested, extraditionDecided('granted')]).when(surrender('2024-08-20T09:00:00.000Z')).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([...requested, extraditionDecided('granted')]).when(surrender('2024-09-03T09:00:00.000Z')).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
