import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, DETENTION_ID, caseOpened, command, detentionRecorded, personRegistered } from '../../../testing/case.fixtures.js';

const end = (data: Record<string, unknown> = {}) =>
  command('EndDetention', { detentionId: DETENTION_ID, outcome: 'transferred', endedAt: '2024-09-01T12:00:00.000Z', ...data } as never);
const ended = { type: 'DetentionEnded', data: { caseId: CASE_ID, detentionId: DETENTION_ID, outcome: 'transferred', endedAt: '2024-09-01T12:00:00.000Z' } } as const;

describe('EndDetention', () => {
  it('ends an open detention, after which a new one may be recorded', () => {
    given([caseOpened, personRegistered, detentionRecorded]).when(end()).then([ended]);
    given([caseOpened, personRegistered, detentionRecorded, ended])
      .when(command('RecordDetention', { ...detentionRecorded.data, detentionId: 'd-2', holdingCountry: 'SE', facility: 'Häktet Malmö', detainedAt: '2024-09-01T15:00:00.000Z', nextCustodyReviewAt: '2024-09-15T09:00:00.000Z' }))
      .then([{ type: 'DetentionRecorded', data: { ...detentionRecorded.data, detentionId: 'd-2', holdingCountry: 'SE', facility: 'Häktet Malmö', detainedAt: '2024-09-01T15:00:00.000Z', nextCustodyReviewAt: '2024-09-15T09:00:00.000Z' } }]);
  });

  it('works only on an open detention', () => {
    given([caseOpened, personRegistered, detentionRecorded, ended]).when(end()).thenThrows('DETENTION_NOT_OPEN');
    given([caseOpened, personRegistered]).when(end()).thenThrows('DETENTION_NOT_FOUND');
  });

  it('rejects an unknown outcome and an end before the detention began', () => {
    given([caseOpened, personRegistered, detentionRecorded]).when(end({ outcome: 'escaped' })).thenThrows('INVALID_VALUE');
    given([caseOpened, personRegistered, detentionRecorded]).when(end({ endedAt: '2024-08-01T12:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });
});
