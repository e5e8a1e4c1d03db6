import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, CASE_ID, caseClosed, caseOpened, command, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

describe('ReviewRetention', () => {
  const ids = { caseId: CASE_ID, personId: 'p-1' };
  const review = (keepUntil: string, meta = by()) => command('ReviewRetention', { personId: 'p-1', keepUntil, reason: 'Trial pending' }, meta);
  const reviewed = { type: 'RetentionReviewed', data: { ...ids, keepUntil: '2025-09-01T22:00:00.000Z', reason: 'Trial pending' } } as const;

  it('keeps the data until a later instant (stored in UTC), also in a closed case', () => {
    given([caseOpened, personRegistered]).when(review('2025-09-02T00:00:00+02:00')).then([reviewed]);
    given([caseOpened, personRegistered, caseClosed]).when(review('2025-09-02T00:00:00+02:00')).then([reviewed]);
  });

  it('lifts the restriction an overdue review caused, and only that one', () => {
    const overdue = { type: 'ProcessingRestricted', data: { ...ids, ground: 'retention-review-overdue', reason: 'x' } } as const;
    given([caseOpened, personRegistered, overdue]).when(review('2025-09-02T00:00:00+02:00'))
      .then([reviewed, { type: 'RestrictionLifted', data: { ...ids, reason: 'Retention reviewed' } }]);
    const evidence = { type: 'ProcessingRestricted', data: { ...ids, ground: 'kept-as-evidence', reason: 'x' } } as const;
    given([caseOpened, personRegistered, evidence]).when(review('2025-09-02T00:00:00+02:00')).then([reviewed]);
  });

  it('refuses a keepUntil that is not later than now, more than ten years ahead, or not an instant', () => {
    given([caseOpened, personRegistered]).when(review('2024-09-02T10:00:00.000Z')).thenThrows('KEEP_UNTIL_NOT_LATER');
    given([caseOpened, personRegistered]).when(review('2034-09-04T10:00:00.000Z')).thenThrows('KEEP_UNTIL_NOT_LATER');
    given([caseOpened, personRegistered]).when(review('next year')).thenThrows('INVALID_TIMESTAMP');
  });

  it('is for the owner country only and needs a registered person and a reason', () => {
    given([caseOpened, personRegistered, sharedWith('SE', 'contribute')]).when(review('2025-01-01T00:00:00Z', by('SE')))
      .thenThrows('NOT_OWNER', CaseAccessDenied);
    given([caseOpened]).when(review('2025-01-01T00:00:00Z')).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered]).when(command('ReviewRetention', { personId: 'p-1', keepUntil: '2025-01-01T00:00:00Z', reason: ' ' }))
      .thenThrows('INVALID_TEXT');
  });
});
