import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import { by, caseOpened, command, detentionRecorded, personRegistered, sharedWith } from '../../../testing/case.fixtures.js';

const record = (data: Record<string, unknown> = {}, metadata = by('DK')) =>
  command('RecordDetention', { ...detentionRecorded.data, ...data } as never, metadata);

describe('RecordDetention', () => {
  it('records a detention of a registered person', () => {
    given([caseOpened, personRegistered]).when(record()).then([detentionRecorded]);
  });

  it('lets a contributing partner record, but not a reading one', () => {
    given([caseOpened, sharedWith('SE', 'contribute'), personRegistered]).when(record({}, by('SE'))).then([detentionRecorded]);
    given([caseOpened, sharedWith('SE', 'read'), personRegistered]).when(record({}, by('SE'))).thenThrows('NOT_SHARED_FOR_CONTRIBUTION', CaseAccessDenied);
  });

  it('requires a registered person', () => {
    given([caseOpened]).when(record()).thenThrows('PERSON_NOT_REGISTERED');
  });

  it('allows only one open detention per person', () => {
    given([caseOpened, personRegistered, detentionRecorded]).when(record({ detentionId: 'd-2' })).thenThrows('DETENTION_ALREADY_OPEN');
  });

  it('requires a new detention id', () => {
    given([caseOpened, personRegistered, detentionRecorded]).when(record()).thenThrows('DETENTION_ALREADY_RECORDED');
  });

  it('validates the instants', () => {
    given([caseOpened, personRegistered]).when(record({ detainedAt: '12/08/2024' })).thenThrows('INVALID_TIMESTAMP');
    given([caseOpened, personRegistered]).when(record({ detainedAt: '2024-02-30T10:00:00Z' })).thenThrows('INVALID_TIMESTAMP');
    given([caseOpened, personRegistered]).when(record({ detainedAt: '2024-08-12' })).thenThrows('INVALID_TIMESTAMP');
    given([caseOpened, personRegistered]).when(record({ detainedAt: '2024-09-03T00:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
    given([caseOpened, personRegistered]).when(record({ nextCustodyReviewAt: '2024-08-01T09:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('rejects an invalid holding country', () => {
    given([caseOpened, personRegistered]).when(record({ holdingCountry: 'Danmark' })).thenThrows('INVALID_COUNTRY_CODE');
  });
});
