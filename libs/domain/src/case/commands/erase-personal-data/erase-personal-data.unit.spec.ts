import { describe, it } from '@jest/globals';
import { CaseAccessDenied } from '../../../shared/domain-error.js';
import { given } from '../../../testing/given-when-then.js';
import {
  CASE_ID, NOW, PERSON_ID, by, caseClosed, caseOpened, command, detentionRecorded, personRegistered, sharedWith,
} from '../../../testing/case.fixtures.js';
import type { PersonalDataErased } from '../../case.events.js';

const erase = (data: Record<string, unknown> = {}, metadata = by('DK')) =>
  command('ErasePersonalData', {
    personId: PERSON_ID, legalBasis: 'retention-period-ended', reason: 'Review found no further need', ...data,
  } as never, metadata);

const erased: PersonalDataErased = {
  type: 'PersonalDataErased',
  data: {
    caseId: CASE_ID, personId: PERSON_ID, subject: `person:${PERSON_ID}`,
    legalBasis: 'retention-period-ended', reason: 'Review found no further need', erasedAt: NOW,
  },
};

describe('ErasePersonalData', () => {
  it('erases a registered person: names the subject, the basis and the reason, never the erased values', () => {
    given([caseOpened, personRegistered]).when(erase()).then([erased]);
  });

  it('is allowed in a closed case (retention usually ends after closing)', () => {
    given([caseOpened, personRegistered, caseClosed]).when(erase()).then([erased]);
  });

  it('belongs to the owner country only, even for a contributing partner', () => {
    given([caseOpened, personRegistered, sharedWith('SE', 'contribute')]).when(erase({}, by('SE'))).thenThrows('NOT_OWNER', CaseAccessDenied);
  });

  it('refuses an unknown person, a second erasure, an unknown basis and a missing reason', () => {
    given([caseOpened]).when(erase()).thenThrows('PERSON_NOT_REGISTERED');
    given([caseOpened, personRegistered, erased]).when(erase()).thenThrows('PERSON_ALREADY_ERASED');
    given([caseOpened, personRegistered]).when(erase({ legalBasis: 'because' })).thenThrows('INVALID_VALUE');
    given([caseOpened, personRegistered]).when(erase({ reason: '  ' })).thenThrows('INVALID_TEXT');
  });

  it('refuses new facts about an erased person', () => {
    given([caseOpened, personRegistered, erased])
      .when(command('RecordNationality', { personId: PERSON_ID, country: 'SE', evaluation: { source: 'A', information: 1 } }, by('DK')))
      .thenThrows('PERSON_ERASED');
    given([caseOpened, personRegistered, erased])
      .when(command('RecordDetention', {
        detentionId: 'd-9', personId: PERSON_ID, holdingCountry: 'DK', detainedAt: '2024-09-01T10:00:00.000Z',
        nextCustodyReviewAt: '2024-09-04T10:00:00.000Z', legalBasis: 'x', facility: 'y',
      } as never, by('DK')))
      .thenThrows('PERSON_ERASED');
  });

  it('keeps the rest of the case: detentions of the erased person stay on record', () => {
    given([caseOpened, personRegistered, detentionRecorded]).when(erase()).then([erased]);
  });
});
