import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, by, caseClosed, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

describe('ReopenCase', () => {
  it('reopens a closed case, after which facts may be added again', () => {
    const reopened = { type: 'CaseReopened', data: { caseId: CASE_ID, reason: 'New evidence' } } as const;
    given([caseOpened, caseClosed]).when(command('ReopenCase', { reason: 'New evidence' })).then([reopened]);
    given([caseOpened, caseClosed, reopened])
      .when(command('RegisterPerson', { personId: 'p-1', category: 'suspect', pseudonym: 'Suspect A', birthYear: 2008, nationalities: personRegistered.data.nationalities }))
      .then([personRegistered]);
  });

  it('rejects reopening an open case', () => {
    given([caseOpened]).when(command('ReopenCase', { reason: 'x' })).thenThrows('CASE_NOT_CLOSED');
  });

  it('is for the owner only', () => {
    given([caseOpened, sharedWith('SE', 'contribute'), caseClosed])
      .when(command('ReopenCase', { reason: 'x' }, by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
  });
});
