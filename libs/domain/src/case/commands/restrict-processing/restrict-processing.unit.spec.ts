import { describe, it } from '@jest/globals';
import { CaseAccessDenied, CaseNotFound } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, CASE_ID, caseClosed, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

describe('RestrictProcessing', () => {
  const restricted = (ground: 'accuracy-contested' | 'retention-review-overdue', reason = 'The person contests the birth year') =>
    ({ type: 'ProcessingRestricted', data: { caseId: CASE_ID, personId: 'p-1', ground, reason } }) as const;
  const reviewed = (keepUntil: string) => ({ type: 'RetentionReviewed', data: { caseId: CASE_ID, personId: 'p-1', keepUntil, reason: 'Trial pending' } }) as const;

  it('restricts a registered person, also in a closed case', () => {
    const restrict = command('RestrictProcessing', { personId: 'p-1', ground: 'accuracy-contested', reason: ' The person contests the birth year ' });
    given([caseOpened, personRegistered]).when(restrict).then([restricted('accuracy-contested')]);
    given([caseOpened, personRegistered, caseClosed]).when(restrict).then([restricted('accuracy-contested')]);
  });

  it('changes nothing when the person is already restricted, whatever the ground (the process manager may send it twice)', () => {
    given([caseOpened, personRegistered, restricted('accuracy-contested')])
      .when(command('RestrictProcessing', { personId: 'p-1', ground: 'retention-review-overdue', reason: 'Review overdue' }))
      .thenNothing();
  });

  it('refuses an overdue-review restriction when a review keeps the data beyond now (the read model lagged)', () => {
    const overdue = command('RestrictProcessing', { personId: 'p-1', ground: 'retention-review-overdue', reason: 'Review overdue' });
    given([caseOpened, personRegistered, reviewed('2025-01-01T00:00:00.000Z')]).when(overdue).thenThrows('RETENTION_NOT_OVERDUE');
    given([caseOpened, personRegistered, reviewed('2024-09-01T00:00:00.000Z')]).when(overdue)
      .then([restricted('retention-review-overdue', 'Review overdue')]);
  });

  it('is for the owner country only, and needs a known case and person, a listed ground and a reason', () => {
    const restrict = (data: Record<string, unknown>, meta = by()) =>
      command('RestrictProcessing', { personId: 'p-1', ground: 'kept-as-evidence', reason: 'Evidence', ...data } as never, meta);
    given([caseOpened, personRegistered, sharedWith('SE', 'contribute')]).when(restrict({}, by('SE'))).thenThrows('NOT_OWNER', CaseAccessDenied);
    given([]).when(restrict({})).thenThrows('CASE_NOT_FOUND', CaseNotFound);
    given([caseOpened]).when(restrict({})).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered]).when(restrict({ ground: 'because' })).thenThrows('INVALID_VALUE');
    given([caseOpened, personRegistered]).when(restrict({ reason: '  ' })).thenThrows('INVALID_TEXT');
  });
});
