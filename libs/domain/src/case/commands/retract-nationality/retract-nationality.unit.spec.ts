import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, caseOpened, command, personRegistered } from '../../../testing/case.fixtures.js';

describe('RetractNationality', () => {
  const retracted = { type: 'NationalityRetracted', data: { caseId: CASE_ID, personId: 'p-1', country: 'SE', reason: 'Passport was forged' } } as const;

  it('retracts a recorded nationality', () => {
    given([caseOpened, personRegistered]).when(command('RetractNationality', { personId: 'p-1', country: 'SE', reason: 'Passport was forged' })).then([retracted]);
  });

  it('rejects retracting a nationality not on record, including a second retraction', () => {
    given([caseOpened, personRegistered]).when(command('RetractNationality', { personId: 'p-1', country: 'DK', reason: 'x' })).thenThrows('NATIONALITY_NOT_RECORDED');
    given([caseOpened, personRegistered, retracted]).when(command('RetractNationality', { personId: 'p-1', country: 'SE', reason: 'x' })).thenThrows('NATIONALITY_NOT_RECORDED');
  });

  it('requires a registered person and a reason', () => {
    given([caseOpened]).when(command('RetractNationality', { personId: 'p-1', country: 'SE', reason: 'x' })).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered]).when(command('RetractNationality', { personId: 'p-1', country: 'SE', reason: ' ' })).thenThrows('INVALID_TEXT');
  });
});
