import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, caseOpened, command, personRegistered } from '../../../testing/case.fixtures.js';

describe('RecordNationality', () => {
  it('records a further nationality', () => {
    given([caseOpened, personRegistered])
      .when(command('RecordNationality', { personId: 'p-1', country: 'IQ', evaluation: { source: 'B', information: 2 } }))
      .then([{ type: 'NationalityRecorded', data: { caseId: CASE_ID, personId: 'p-1', country: 'IQ', evaluation: { source: 'B', information: 2 } } }]);
  });

  it('re-evaluates a recorded nationality', () => {
    given([caseOpened, personRegistered])
      .when(command('RecordNationality', { personId: 'p-1', country: 'SE', evaluation: { source: 'B', information: 3 } }))
      .then([{ type: 'NationalityRecorded', data: { caseId: CASE_ID, personId: 'p-1', country: 'SE', evaluation: { source: 'B', information: 3 } } }]);
  });

  it('is a no-op for the same nationality with the same evaluation', () => {
    given([caseOpened, personRegistered])
      .when(command('RecordNationality', { personId: 'p-1', country: 'SE', evaluation: { source: 'A', information: 1 } }))
      .thenNothing();
  });

  it('requires a registered person', () => {
    given([caseOpened])
      .when(command('RecordNationality', { personId: 'p-1', country: 'SE', evaluation: { source: 'A', information: 1 } }))
      .thenThrows('PERSON_NOT_REGISTERED');
  });

  it('rejects a lowercase country code', () => {
    given([caseOpened, personRegistered])
      .when(command('RecordNationality', { personId: 'p-1', country: 'iq', evaluation: { source: 'A', information: 1 } }))
      .thenThrows('INVALID_COUNTRY_CODE');
  });
});
