import { describe, it } from '@jest/globals';
import { given } from '../../../testing/given-when-then.js';
import { CASE_ID, DETENTION_ID, caseOpened, command, detentionRecorded, personRegistered } from '../../../testing/case.fixtures.js';

const ended = { type: 'DetentionEnded', data: { caseId: CASE_ID, detentionId: DETENTION_ID, outcome: 'released', endedAt: '2024-09-01T12:00:00.000Z' } } as const;

describe('ExtendCustody', () => {
  it('moves the next custody review later', () => {
    given([caseOpened, personRegistered, detentionRecorded])
      .when(command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-10-07T09:00:00.000Z', reason: 'Court extended by 4 weeks' }))
      .then([{ type: 'CustodyExtended', data: { caseId: CASE_ID, detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-10-07T09:00:00.000Z', reason: 'Court extended by 4 weeks' } }]);
  });

  it('is a no-op for the review date already on record', () => {
    given([caseOpened, personRegistered, detentionRecorded])
      .when(command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: detentionRecorded.data.nextCustodyReviewAt }))
      .thenNothing();
  });

  it('rejects an earlier review date', () => {
    given([caseOpened, personRegistered, detentionRecorded])
      .when(command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-09-05T09:00:00.000Z' }))
      .thenThrows('CUSTODY_REVIEW_NOT_LATER');
  });

  it('works only on an open detention', () => {
    given([caseOpened, personRegistered])
      .when(command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-10-07T09:00:00.000Z' }))
      .thenThrows('DETENTION_NOT_FOUND');
    given([caseOpened, personRegistered, detentionRecorded, ended])
      .when(command('ExtendCustody', { detentionId: DETENTION_ID, nextCustodyReviewAt: '2024-10-07T09:00:00.000Z' }))
      .thenThrows('DETENTION_NOT_OPEN');
  });
});
