import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, by, caseClosed, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

const register = (data: Record<string, unknown> = {}, metadata = by('DK')) =>
  command('RegisterPerson', {
    personId: 'p-1', category: 'suspect', pseudonym: 'Suspect A', birthYear: 2008,
    nationalities: [{ country: 'SE', evaluation: { source: 'A', information: 1 } }],
    ...data,
  } as never, metadata);

describe('RegisterPerson', () => {
  it('registers a person with category and nationalities', () => {
    given([caseOpened]).when(register()).then([personRegistered]);
  });

  it('lets a contributing partner register, with a name and no nationality', () => {
    given([caseOpened, sharedWith('SE', 'contribute')])
      .when(command('RegisterPerson', { personId: 'p-2', category: 'victim', name: 'Jane Doe' }, by('SE')))
      .then([{ type: 'PersonRegistered', data: { caseId: CASE_ID, personId: 'p-2', category: 'victim', name: 'Jane Doe', nationalities: [] } }]);
  });

  it('refuses a read-only partner and an unshared country', () => {
    given([caseOpened, sharedWith('SE', 'read')]).when(register({}, by('SE'))).thenThrows('NOT_SHARED_FOR_CONTRIBUTION', CaseAccessDenied);
    given([caseOpened]).when(register({}, by('NO'))).thenThrows('NOT_SHARED_FOR_CONTRIBUTION', CaseAccessDenied);
  });

  it('refuses access before revealing that the case is closed', () => {
    given([caseOpened, caseClosed]).when(register({}, by('NO'))).thenThrows('NOT_SHARED_FOR_CONTRIBUTION', CaseAccessDenied);
    given([caseOpened, caseClosed]).when(register()).thenThrows('CASE_CLOSED');
  });

  it('requires the person id to be unique in the case', () => {
    given([caseOpened, personRegistered]).when(register()).thenThrows('PERSON_ALREADY_REGISTERED');
  });

  it('requires a name or a pseudonym', () => {
    given([caseOpened]).when(register({ pseudonym: undefined })).thenThrows('PERSON_IDENTITY_REQUIRED');
  });

  it('rejects an unknown data-subject category', () => {
    given([caseOpened]).when(register({ category: 'informant' })).thenThrows('INVALID_VALUE');
  });

  it('rejects a birth year in the future or not a whole year', () => {
    given([caseOpened]).when(register({ birthYear: 2025 })).thenThrows('INVALID_BIRTH_YEAR');
    given([caseOpened]).when(register({ birthYear: 2008.5 })).thenThrows('INVALID_BIRTH_YEAR');
  });

  it('validates nationalities: uppercase ISO codes, 4x4 evaluations, no duplicates', () => {
    const a1 = { source: 'A', information: 1 };
    given([caseOpened]).when(register({ nationalities: [{ country: 'swe', evaluation: a1 }] })).thenThrows('INVALID_COUNTRY_CODE');
    given([caseOpened]).when(register({ nationalities: [{ country: 'SE', evaluation: { source: 'D', information: 1 } }] })).thenThrows('INVALID_EVALUATION');
    given([caseOpened]).when(register({ nationalities: [{ country: 'SE', evaluation: { source: 'A', information: 5 } }] })).thenThrows('INVALID_EVALUATION');
    given([caseOpened]).when(register({ nationalities: [{ country: 'SE', evaluation: a1 }, { country: 'SE', evaluation: a1 }] })).thenThrows('DUPLICATE_VALUE');
  });

  it('keeps aliases (trimmed, each once, at most ten) and leaves them out when there are none', () => {
    given([caseOpened])
      .when(command('RegisterPerson', { personId: 'p-3', category: 'suspect', pseudonym: 'Lillen', aliases: [' lillen_cph ', 'Kniven'] }, by('DK')))
      .then([{ type: 'PersonRegistered', data: { caseId: CASE_ID, personId: 'p-3', category: 'suspect', pseudonym: 'Lillen', aliases: ['lillen_cph', 'Kniven'], nationalities: [] } }]);
    given([caseOpened]).when(register({ aliases: ['A', 'A'] })).thenThrows('DUPLICATE_VALUE');
    given([caseOpened]).when(register({ aliases: [' '] })).thenThrows('INVALID_TEXT');
    given([caseOpened]).when(register({ aliases: 'A' })).thenThrows('INVALID_VALUE');
    given([caseOpened]).when(register({ aliases: Array.from({ length: 11 }, (_, i) => `a${i}`) })).thenThrows('INVALID_VALUE');
  });
});
