import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  NOW, authorisationObtained, authorisationPending, by, clarificationProvided, clarificationRequested, givenRequest as given,
  informationProvided, informationRequested, requestCommand as command, requestRefused,
} from '../../../testing/information-request.fixtures.js';

const ask = (data: Record<string, unknown> = {}, country = 'DK') =>
  command('RequestClarification', { question: 'Which of the two suspects?', requestedAt: '2025-05-12T10:00:00.000Z', ...data } as never, by(country));

describe('RequestClarification (Art. 6(3))', () => {
  it('asks the requesting side, which stops the clock from requestedAt', () => {
    given([informationRequested()]).when(ask({ question: '  Which of the two suspects? ' })).then([clarificationRequested()]);
    given([informationRequested()]).when(ask({ requestedAt: undefined })).then([clarificationRequested(NOW)]);
  });

  it('allows one pending clarification at a time, and another after the answer', () => {
    given([informationRequested(), clarificationRequested()]).when(ask()).thenThrows('CLARIFICATION_PENDING');
    given([informationRequested(), clarificationRequested(), clarificationProvided('2025-05-12T11:00:00.000Z', '2025-05-19T09:00:00.000Z')])
      .when(ask({ requestedAt: '2025-05-12T12:00:00.000Z' })).then([clarificationRequested('2025-05-12T12:00:00.000Z')]);
  });

  it('may be asked while a judicial authorisation is pending', () => {
    given([informationRequested(), authorisationPending()]).when(ask({ requestedAt: '2025-05-12T13:00:00.000Z' }))
      .then([clarificationRequested('2025-05-12T13:00:00.000Z')]);
  });

  it('cannot start inside time already counted as a pause', () => {
    const history = [informationRequested(), clarificationRequested(), clarificationProvided('2025-05-12T11:00:00.000Z', '2025-05-19T09:00:00.000Z')];
    given(history).when(ask({ requestedAt: '2025-05-12T10:30:00.000Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested(), authorisationPending(), authorisationObtained('2025-05-13T06:00:00.000Z', '2025-05-19T02:00:00.000Z')])
      .when(ask({ requestedAt: '2025-05-12T13:00:00.000Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('is for the requested country only', () => {
    given([informationRequested()]).when(ask({}, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
  });

  it('needs an open request, a question and a sensible instant', () => {
    given([informationRequested(), informationProvided()]).when(ask()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), requestRefused()]).when(ask()).thenThrows('REQUEST_CLOSED');
    given([informationRequested()]).when(ask({ question: ' ' })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(ask({ question: 'q'.repeat(4001) })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(ask({ requestedAt: '2025-05-12T07:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(ask({ requestedAt: '2025-05-14T07:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
