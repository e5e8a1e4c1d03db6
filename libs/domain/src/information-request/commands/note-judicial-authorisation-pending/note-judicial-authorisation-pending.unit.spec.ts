import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  NOW, authorisationObtained, authorisationPending, by, clarificationRequested, givenRequest as given, informationProvided,
  informationRequested, requestCommand as command,
} from '../../../testing/information-request.fixtures.js';

const note = (data: Record<string, unknown> = {}, country = 'DK') =>
  command('NoteJudicialAuthorisationPending', {
    noticeSentAt: '2025-05-12T12:00:00.000Z', expectedDelayDays: 5, reason: 'Bank records need a court order (retsplejeloven)', ...data,
  } as never, by(country));

describe('NoteJudicialAuthorisationPending (Art. 5(2): notice of the expected delay and its reasons)', () => {
  it('records the notice with the expected delay and reason', () => {
    given([informationRequested()]).when(note()).then([authorisationPending()]);
    given([informationRequested()]).when(note({ noticeSentAt: undefined, expectedDelayDays: 1 })).then([authorisationPending(NOW, 1)]);
  });

  it('allows one pending authorisation at a time, and another after the first was obtained', () => {
    given([informationRequested(), authorisationPending()]).when(note()).thenThrows('AUTHORISATION_ALREADY_PENDING');
    given([informationRequested(), authorisationPending(), authorisationObtained('2025-05-12T13:00:00.000Z', '2025-05-19T09:00:00.000Z')])
      .when(note({ noticeSentAt: '2025-05-12T14:00:00.000Z' })).then([authorisationPending('2025-05-12T14:00:00.000Z')]);
  });

  it('may be noted while a clarification is pending', () => {
    given([informationRequested(), clarificationRequested()]).when(note()).then([authorisationPending()]);
  });

  it.each([0, 366, 2.5, '5', undefined])('refuses expectedDelayDays %p', (expectedDelayDays) => {
    given([informationRequested()]).when(note({ expectedDelayDays })).thenThrows('INVALID_VALUE');
  });

  it('needs a reason', () => {
    given([informationRequested()]).when(note({ reason: '  ' })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(note({ reason: undefined })).thenThrows('INVALID_TEXT');
  });

  it('is for the requested country only, on an open request, dated after receipt', () => {
    given([informationRequested()]).when(note({}, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested(), informationProvided()]).when(note()).thenThrows('REQUEST_CLOSED');
    given([informationRequested()]).when(note({ noticeSentAt: '2025-05-11T12:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(note({ noticeSentAt: '2025-05-14T12:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
