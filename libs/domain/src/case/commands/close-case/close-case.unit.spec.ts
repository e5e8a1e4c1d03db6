import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, caseClosed, caseOpened, command, sharedWith } from '../../../testing/case.fixtures.js';

describe('CloseCase', () => {
  it('closes an open case', () => {
    given([caseOpened]).when(command('CloseCase', { reason: ' Investigation concluded ' })).then([caseClosed]);
  });

  it('rejects closing a closed case', () => {
    given([caseOpened, caseClosed]).when(command('CloseCase', { reason: 'again' })).thenThrows('CASE_CLOSED');
  });

  it('is for the owner only', () => {
    given([caseOpened, sharedWith('SE', 'contribute')])
      .when(command('CloseCase', { reason: 'done' }, by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
  });

  it('requires a reason', () => {
    given([caseOpened]).when(command('CloseCase', { reason: '' })).thenThrows('INVALID_TEXT');
  });
});
