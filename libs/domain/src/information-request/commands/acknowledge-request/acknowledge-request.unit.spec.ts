import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied, InformationRequestNotFound } from '../../../shared/domain-error.js';
import {
  NOW, acknowledged, by, givenRequest as given, informationProvided, informationRequested, requestCommand as command,
} from '../../../testing/information-request.fixtures.js';

const acknowledge = (data: Record<string, unknown> = {}, country = 'DK') => command('AcknowledgeRequest', data as never, by(country));

describe('AcknowledgeRequest', () => {
  it('records the requested country\'s receipt, now unless dated', () => {
    given([informationRequested()]).when(acknowledge({ acknowledgedAt: '2025-05-12T08:30:00Z' }))
      .then([{ type: 'RequestAcknowledged', data: { ...acknowledged().data, acknowledgedAt: '2025-05-12T08:30:00Z' } }]);
    given([informationRequested()]).when(acknowledge()).then([acknowledged(NOW)]);
  });

  it('is a no-op when already acknowledged', () => {
    given([informationRequested(), acknowledged()]).when(acknowledge()).thenNothing();
  });

  it('is for the requested country only', () => {
    given([informationRequested()]).when(acknowledge({}, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested()]).when(acknowledge({}, 'NO')).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it('needs the request to exist and be open', () => {
    given([]).when(acknowledge()).thenThrows('INFORMATION_REQUEST_NOT_FOUND', InformationRequestNotFound);
    given([informationRequested(), informationProvided()]).when(acknowledge()).thenThrows('REQUEST_CLOSED');
  });

  it('refuses an acknowledgement before receipt or in the future', () => {
    given([informationRequested()]).when(acknowledge({ acknowledgedAt: '2025-05-12T07:59:59Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(acknowledge({ acknowledgedAt: '2025-05-13T08:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
    given([informationRequested()]).when(acknowledge({ acknowledgedAt: 'today' })).thenThrows('INVALID_TIMESTAMP');
  });
});
