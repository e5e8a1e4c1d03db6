import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import {
  CASE_ID, EXTRADITION_ID, caseOpened, command, consentRecorded, extraditionDecided, extraditionRequested, personRegistered,
  stageReached,
} from '../../../testing/case.fixtures.js';

const consent = (consentedAt = '2024-08-16T10:00:00.000Z') => command('RecordExtraditionConsent', { extraditionId: EXTRADITION_ID, consentedAt });

describe('RecordExtraditionConsent', () => {
  it('records consent with the shortened decision deadline (NAW, DK executing: 3 days)', () => {
    given([caseOpened, personRegistered, extraditionRequested(), stageReached('arrested', '2024-08-15T06:00:00.000Z')])
      .when(consent())
      .then([{
        type: 'ExtraditionConsentRecorded',
        data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, consentedAt: '2024-08-16T10:00:00.000Z', decisionDeadlineAt: '2024-08-19T10:00:00.000Z' },
      }]);
  });

  it('has no deadline where the reference gives none', () => {
    given([caseOpened, personRegistered, extraditionRequested('third-country', 'SE', 'TR')])
      .when(consent())
      .then([{ type: 'ExtraditionConsentRecorded', data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, consentedAt: '2024-08-16T10:00:00.000Z' } }]);
  });

  it('rejects a second consent and consent after the decision', () => {
    given([caseOpened, personRegistered, extraditionRequested(), consentRecorded('2024-08-16T10:00:00.000Z')])
      .when(consent())
      .thenThrows('EXTRADITION_CONSENT_ALREADY_RECORDED');
    given([caseOpened, personRegistered, extraditionRequested(), stageReached('arrested', '2024-08-15T06:00:00.000Z'), extraditionDecided('granted')])
      .when(consent())
      .thenThrows('EXTRADITION_ALREADY_DECIDED');
  });

  it('requires a requested extradition', () => {
    given([caseOpened, personRegistered]).when(consent()).thenThrows('EXTRADITION_NOT_FOUND');
  });
});
