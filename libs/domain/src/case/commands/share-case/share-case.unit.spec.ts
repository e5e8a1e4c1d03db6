import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, caseClosed, caseOpened, command, sharedWith } from '../../../testing/case.fixtures.js';

describe('ShareCase', () => {
  it('shares the case with a partner country', () => {
    given([caseOpened]).when(command('ShareCase', { partnerCountry: 'SE', level: 'contribute' })).then([sharedWith('SE', 'contribute')]);
  });

  it('changes the level of an existing share', () => {
    given([caseOpened, sharedWith('SE', 'contribute')])
      .when(command('ShareCase', { partnerCountry: 'SE', level: 'read' }))
      .then([sharedWith('SE', 'read')]);
  });

  it('is a no-op when the share is already in force at that level', () => {
    given([caseOpened, sharedWith('SE', 'read')]).when(command('ShareCase', { partnerCountry: 'SE', level: 'read' })).thenNothing();
  });

  it('rejects sharing with the owner country', () => {
    given([caseOpened]).when(command('ShareCase', { partnerCountry: 'DK', level: 'read' })).thenThrows('CANNOT_SHARE_WITH_OWNER');
  });

  it('is for the owner only, even for a contributing partner', () => {
    given([caseOpened, sharedWith('SE', 'contribute')])
      .when(command('ShareCase', { partnerCountry: 'NO', level: 'read' }, by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
  });

  it('rejects a lowercase or unknown country and an unknown level', () => {
    given([caseOpened]).when(command('ShareCase', { partnerCountry: 'se', level: 'read' })).thenThrows('INVALID_COUNTRY_CODE');
    given([caseOpened]).when(command('ShareCase', { partnerCountry: 'ZZ', level: 'read' })).thenThrows('INVALID_COUNTRY_CODE');
    given([caseOpened]).when(command('ShareCase', { partnerCountry: 'SE', level: 'admin' as never })).thenThrows('INVALID_VALUE');
  });

  it('rejects sharing a closed case', () => {
    given([caseOpened, caseClosed]).when(command('ShareCase', { partnerCountry: 'SE', level: 'read' })).thenThrows('CASE_CLOSED');
  });
});
