import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, by, caseClosed, caseOpened, command, sharedWith } from '../../../testing/case.fixtures.js';

describe('RevokeSharing', () => {
  it('revokes a partner’s access', () => {
    given([caseOpened, sharedWith('SE', 'read')])
      .when(command('RevokeSharing', { partnerCountry: 'SE' }))
      .then([{ type: 'CaseSharingRevoked', data: { caseId: CASE_ID, partnerCountry: 'SE' } }]);
  });

  it('rejects revoking a share that does not exist', () => {
    given([caseOpened]).when(command('RevokeSharing', { partnerCountry: 'SE' })).thenThrows('CASE_NOT_SHARED_WITH_COUNTRY');
  });

  it('is for the owner only', () => {
    given([caseOpened, sharedWith('SE', 'contribute')])
      .when(command('RevokeSharing', { partnerCountry: 'SE' }, by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
  });

  it('rejects revoking on a closed case', () => {
    given([caseOpened, sharedWith('SE', 'read'), caseClosed]).when(command('RevokeSharing', { partnerCountry: 'SE' })).thenThrows('CASE_CLOSED');
  });
});
