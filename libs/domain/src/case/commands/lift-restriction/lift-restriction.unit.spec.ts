import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, CASE_ID, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

describe('LiftRestriction', () => {
  const restricted = (ground: 'kept-as-evidence' | 'retention-review-overdue') =>
    ({ type: 'ProcessingRestricted', data: { caseId: CASE_ID, personId: 'p-1', ground, reason: 'x' } }) as const;
  const lift = (meta = by()) => command('LiftRestriction', { personId: 'p-1', reason: 'Trial concluded' }, meta);

  it('lifts a restriction, after which the person can be restricted again', () => {
    const lifted = { type: 'RestrictionLifted', data: { caseId: CASE_ID, personId: 'p-1', reason: 'Trial concluded' } } as const;
    given([caseOpened, personRegistered, restricted('kept-as-evidence')]).when(lift()).then([lifted]);
    given([caseOpened, personRegistered, restricted('kept-as-evidence'), lifted])
      .when(command('RestrictProcessing', { personId: 'p-1', ground: 'kept-as-evidence', reason: 'x' }))
      .then([restricted('kept-as-evidence')]);
  });

  it('refuses when nothing is restricted, including a second lift', () => {
    given([caseOpened, personRegistered]).when(lift()).thenThrows('PERSON_NOT_RESTRICTED');
  });

  it('leaves an overdue-review restriction to the review that ends it', () => {
    given([caseOpened, personRegistered, restricted('retention-review-overdue')]).when(lift()).thenThrows('RESTRICTION_NEEDS_REVIEW');
  });

  it('is for the owner country only and needs a reason', () => {
    given([caseOpened, personRegistered, sharedWith('SE', 'contribute'), restricted('kept-as-evidence')])
      .when(lift(by('SE'))).thenThrows('NOT_OWNER', CaseAccessDenied);
    given([caseOpened, personRegistered, restricted('kept-as-evidence')])
      .when(command('LiftRestriction', { personId: 'p-1', reason: '' })).thenThrows('INVALID_TEXT');
  });
});
