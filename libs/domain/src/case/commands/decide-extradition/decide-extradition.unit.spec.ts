import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import {
  EXTRADITION_ID, caseOpened, command, consentRecorded, extraditionDecided, extraditionRequested, personRegistered, stageReached,
} from '../../../testing/case.fixtures.js';

const decide = (outcome: 'granted' | 'refused' = 'granted', decidedAt = '2024-08-25T12:00:00.000Z') =>
  command('DecideExtradition', { extraditionId: EXTRADITION_ID, outcome, grounds: 'Conditions of § 10 met', decidedAt });

const naw = [caseOpened, personRegistered, extraditionRequested('nordic-arrest-warrant', 'SE', 'DK')];
const arrested = stageReached('arrested', '2024-08-15T06:00:00.000Z');
// A person without Swedish nationality, so the own-national bar does not interfere.
const foreigner = { ...personRegistered, data: { ...personRegistered.data, nationalities: [{ country: 'IQ', evaluation: { source: 'A', information: 1 } }] } } as typeof personRegistered;
const seThirdCountry = [caseOpened, foreigner, extraditionRequested('third-country', 'TR', 'SE'),
  stageReached('request-received', '2024-08-16T08:00:00.000Z'), stageReached('prosecutor-general-opinion', '2024-08-20T08:00:00.000Z')];

describe('DecideExtradition', () => {
  it('records the decision once the arrest is on record', () => {
    given([...naw, arrested]).when(decide()).then([extraditionDecided('granted')]);
  });

  it('needs the route’s required stages first', () => {
    given(naw).when(decide()).thenThrows('EXTRADITION_NOT_READY_FOR_DECISION');
  });

  it('needs the Supreme Court review in SE third-country cases unless the person consented', () => {
    given(seThirdCountry).when(decide()).thenThrows('EXTRADITION_NOT_READY_FOR_DECISION');
    given([...seThirdCountry, consentRecorded('2024-08-21T08:00:00.000Z')]).when(decide()).then([extraditionDecided('granted')]);
    given([...seThirdCountry, stageReached('supreme-court-review', '2024-08-23T08:00:00.000Z')]).when(decide()).then([extraditionDecided('granted')]);
  });

  it('decides only once', () => {
    given([...naw, arrested, extraditionDecided('refused')]).when(decide()).thenThrows('EXTRADITION_ALREADY_DECIDED');
  });

  it('bars granting Sweden’s extradition of its own national to a third country, but records a refusal', () => {
    const ownNational = [caseOpened, personRegistered, extraditionRequested('third-country', 'TR', 'SE'), consentRecorded('2024-08-16T08:00:00.000Z'),
      stageReached('request-received', '2024-08-16T08:00:00.000Z'), stageReached('prosecutor-general-opinion', '2024-08-20T08:00:00.000Z')];
    given(ownNational).when(decide('granted')).thenThrows('OWN_NATIONAL_NOT_EXTRADITABLE');
    given(ownNational).when(decide('refused')).then([extraditionDecided('refused')]);
  });

  it('rejects a decision dated before the last stage', () => {
    given([...naw, arrested]).when(decide('granted', '2024-08-14T12:00:00.000Z')).thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('requires grounds and a known outcome', () => {
    given([...naw, arrested]).when(command('DecideExtradition', { extraditionId: EXTRADITION_ID, outcome: 'granted', grounds: '', decidedAt: '2024-08-25T12:00:00.000Z' })).thenThrows('INVALID_TEXT');
    given([...naw, arrested]).when(decide('postponed' as never)).thenThrows('INVALID_VALUE');
  });
});
