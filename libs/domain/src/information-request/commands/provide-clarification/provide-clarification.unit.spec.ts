import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  DEADLINE_7D, NOW, authorisationPending, by, clarificationProvided, clarificationRequested, givenRequest as given,
  informationRequested, requestCommand as command, requestWithdrawn, urgentDirectRequested,
} from '../../../testing/information-request.fixtures.js';

const answer = (data: Record<string, unknown> = {}, country = 'SE') =>
  command('ProvideClarification', { answer: 'The one born 2007', providedAt: '2025-05-13T07:00:00.000Z', ...data } as never, by(country));

describe('ProvideClarification (Art. 6(3): the limits are suspended until the clarification is provided)', () => {
  it('restarts the clock with the deadline moved by the time it stood still (21 h)', () => {
    // Asked 12 May 10:00Z, answered 13 May 07:00Z: the 7-day deadline moves from 19 May 08:00Z to 20 May 05:00Z.
    given([informationRequested(), clarificationRequested()]).when(answer())
      .then([clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-20T05:00:00.000Z')]);
  });

  it('gives an 8-hour request back exactly what was left of its 8 hours', () => {
    // 2 of the 8 hours had run when the clarification was asked at 10:00Z: 6 hours remain after the answer.
    given([urgentDirectRequested, clarificationRequested()]).when(answer())
      .then([clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-13T13:00:00.000Z')]);
  });

  it('does not revive a deadline that had already passed when the clarification was asked', () => {
    given([urgentDirectRequested, clarificationRequested('2025-05-12T17:00:00.000Z')]).when(answer())
      .then([clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-12T16:00:00.000Z')]);
  });

  it('answers now when undated', () => {
    given([informationRequested(), clarificationRequested()]).when(answer({ providedAt: undefined }))
      .then([clarificationProvided(NOW, '2025-05-20T06:00:00.000Z')]);
  });

  it('counts overlapping pauses once: an authorisation still pending keeps the clock stopped', () => {
    given([informationRequested(), clarificationRequested(), authorisationPending()]).when(answer())
      .then([clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-20T05:00:00.000Z')]);
  });

  it('needs a pending clarification', () => {
    given([informationRequested()]).when(answer()).thenThrows('NO_CLARIFICATION_PENDING');
    given([informationRequested(), clarificationRequested(), clarificationProvided('2025-05-12T11:00:00.000Z', DEADLINE_7D)])
      .when(answer()).thenThrows('NO_CLARIFICATION_PENDING');
  });

  it('is for the requesting country only', () => {
    given([informationRequested(), clarificationRequested()]).when(answer({}, 'DK'))
      .thenThrows('NOT_THE_REQUESTING_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested(), clarificationRequested()]).when(answer({}, 'FI')).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it('needs an open request, an answer and an instant after the question', () => {
    given([informationRequested(), clarificationRequested(), requestWithdrawn()]).when(answer()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), clarificationRequested()]).when(answer({ answer: '' })).thenThrows('INVALID_TEXT');
    given([informationRequested(), clarificationRequested()]).when(answer({ providedAt: '2025-05-12T09:59:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested(), clarificationRequested()]).when(answer({ providedAt: '2025-05-13T09:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
