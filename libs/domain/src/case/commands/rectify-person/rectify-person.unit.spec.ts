import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, CASE_ID, caseClosed, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

describe('RectifyPerson', () => {
  // personRegistered has a pseudonym and a birth year, no name.
  const rectify = (field: string, value: unknown, meta = by()) =>
    command('RectifyPerson', { personId: 'p-1', field, value, reason: 'Checked against the passport' } as never, meta);
  const rectified = (field: string, value: unknown) =>
    ({ type: 'PersonalDataRectified', data: { caseId: CASE_ID, personId: 'p-1', field, value, reason: 'Checked against the passport' } }) as never;

  it('corrects each personal field, trimmed, also in a closed case', () => {
    given([caseOpened, personRegistered]).when(rectify('name', ' Jonas Berg ')).then([rectified('name', 'Jonas Berg')]);
    given([caseOpened, personRegistered]).when(rectify('birthYear', 2007)).then([rectified('birthYear', 2007)]);
    given([caseOpened, personRegistered]).when(rectify('aliases', ['jb', 'berg07'])).then([rectified('aliases', ['jb', 'berg07'])]);
    given([caseOpened, personRegistered, caseClosed]).when(rectify('pseudonym', 'Suspect B')).then([rectified('pseudonym', 'Suspect B')]);
  });

  it('removes a value with null, but never the last of name and pseudonym', () => {
    given([caseOpened, personRegistered]).when(rectify('birthYear', null)).then([rectified('birthYear', null)]);
    given([caseOpened, personRegistered]).when(rectify('pseudonym', null)).thenThrows('PERSON_IDENTITY_REQUIRED');
    given([caseOpened, personRegistered, rectified('name', 'Jonas Berg')]).when(rectify('pseudonym', null)).then([rectified('pseudonym', null)]);
    given([caseOpened, personRegistered, rectified('name', 'Jonas Berg'), rectified('pseudonym', null)])
      .when(rectify('name', null)).thenThrows('PERSON_IDENTITY_REQUIRED');
  });

  it('validates the value as registration does', () => {
    given([caseOpened, personRegistered]).when(rectify('birthYear', 1850)).thenThrows('INVALID_BIRTH_YEAR');
    given([caseOpened, personRegistered]).when(rectify('birthYear', '2007')).thenThrows('INVALID_BIRTH_YEAR');
    given([caseOpened, personRegistered]).when(rectify('name', '   ')).thenThrows('INVALID_TEXT');
    given([caseOpened, personRegistered]).when(rectify('aliases', ['a', 'a'])).thenThrows('DUPLICATE_VALUE');
    given([caseOpened, personRegistered]).when(rectify('aliases', null)).thenThrows('INVALID_VALUE');
    given([caseOpened, personRegistered]).when(rectify('nationality', 'SE')).thenThrows('INVALID_VALUE');
  });

  it('is for the owner country only and needs a registered person and a reason', () => {
    given([caseOpened, personRegistered, sharedWith('SE', 'contribute')]).when(rectify('name', 'X', by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
    given([caseOpened]).when(rectify('name', 'X')).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered]).when(command('RectifyPerson', { personId: 'p-1', field: 'name', value: 'X', reason: '' }))
      .thenThrows('INVALID_TEXT');
  });
});
