import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  NOW, authorisationObtained, authorisationPending, by, clarificationRequested, givenRequest as given, informationProvided,
  informationRequested, requestCommand as command, requestRefused, requestWithdrawn, urgentDirectRequested,
} from '../../../testing/information-request.fixtures.js';

const provide = (data: Record<string, unknown> = {}, country = 'DK', now = NOW) =>
  command('ProvideInformation', { summary: 'Two addresses, one vehicle', providedAt: '2025-05-13T07:00:00.000Z', ...data } as never, by(country, now));

describe('ProvideInformation', () => {
  it('answers in time, in full by default', () => {
    given([informationRequested()]).when(provide()).then([informationProvided()]);
    given([informationRequested()]).when(provide({ providedAt: undefined })).then([informationProvided(NOW)]);
  });

  it('marks an answer after the deadline in force as late (and still accepts it)', () => {
    given([urgentDirectRequested]).when(provide()).then([informationProvided('2025-05-13T07:00:00.000Z', false, true)]);
    given([urgentDirectRequested]).when(provide({ providedAt: '2025-05-12T16:00:00.000Z' }))
      .then([informationProvided('2025-05-12T16:00:00.000Z', false, false)]);
  });

  it('is not late while the clock stands still for a clarification (Art. 6(3))', () => {
    given([urgentDirectRequested, clarificationRequested()]).when(provide()).then([informationProvided()]);
  });

  it('is not late while a judicial authorisation is pending, nor within the moved deadline after it (Art. 5(2))', () => {
    given([urgentDirectRequested, authorisationPending()]).when(provide()).then([informationProvided()]);
    const obtained = [urgentDirectRequested, authorisationPending(), authorisationObtained('2025-05-13T06:00:00.000Z', '2025-05-13T10:00:00.000Z')];
    given(obtained).when(provide()).then([informationProvided()]);
    given(obtained).when(provide({ providedAt: '2025-05-13T10:00:01.000Z' }, 'DK', '2025-05-13T11:00:00.000Z'))
      .then([informationProvided('2025-05-13T10:00:01.000Z', false, true)]);
  });

  it('keeps the request open after a partial answer, so more may follow; a full answer closes it', () => {
    given([informationRequested()]).when(provide({ partial: true })).then([informationProvided(undefined, true)]);
    given([informationRequested(), informationProvided('2025-05-12T20:00:00.000Z', true)]).when(provide()).then([informationProvided()]);
    given([informationRequested(), informationProvided('2025-05-12T20:00:00.000Z')]).when(provide()).thenThrows('REQUEST_CLOSED');
  });

  it('may answer the rest after a partial refusal, but nothing after a full refusal or a withdrawal', () => {
    given([informationRequested(), requestRefused(['f'], true)]).when(provide()).then([informationProvided()]);
    given([informationRequested(), requestRefused(['f'])]).when(provide()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), requestWithdrawn()]).when(provide()).thenThrows('REQUEST_CLOSED');
  });

  it('is for the requested country only', () => {
    given([informationRequested()]).when(provide({}, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested()]).when(provide({}, 'NO')).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it('needs a summary, a boolean partial and an instant between receipt and now', () => {
    given([informationRequested()]).when(provide({ summary: '' })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(provide({ summary: 's'.repeat(4001) })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(provide({ partial: 'yes' })).thenThrows('INVALID_VALUE');
    given([informationRequested()]).when(provide({ providedAt: '2025-05-12T07:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(provide({ providedAt: '2025-05-13T08:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
