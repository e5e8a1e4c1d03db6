import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied, InformationRequestNotFound } from '../../../shared/domain-error.js';
import {
  NOW, authorisationPending, by, clarificationRequested, givenRequest as given, informationProvided, informationRequested,
  requestCommand as command, requestRefused, requestWithdrawn,
} from '../../../testing/information-request.fixtures.js';

const withdraw = (reason: unknown = 'Suspect arrested in Sweden', country = 'SE') => command('WithdrawRequest', { reason } as never, by(country));

describe('WithdrawRequest', () => {
  it('withdraws now, whatever is pending', () => {
    given([informationRequested()]).when(withdraw(' Suspect arrested in Sweden ')).then([requestWithdrawn(NOW)]);
    given([informationRequested(), clarificationRequested(), authorisationPending()]).when(withdraw()).then([requestWithdrawn(NOW)]);
    given([informationRequested(), informationProvided('2025-05-12T20:00:00.000Z', true)]).when(withdraw()).then([requestWithdrawn(NOW)]);
  });

  it('is a no-op on a withdrawn request, REQUEST_CLOSED on an answered or refused one', () => {
    given([informationRequested(), requestWithdrawn()]).when(withdraw('Again')).thenNothing();
    given([informationRequested(), informationProvided()]).when(withdraw()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), requestRefused()]).when(withdraw()).thenThrows('REQUEST_CLOSED');
  });

  it('is for the requesting country only', () => {
    given([informationRequested()]).when(withdraw(undefined, 'DK')).thenThrows('NOT_THE_REQUESTING_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested()]).when(withdraw(undefined, 'NO')).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it('needs the request and a reason of at most 500 characters', () => {
    given([]).when(withdraw()).thenThrows('INFORMATION_REQUEST_NOT_FOUND', InformationRequestNotFound);
    given([informationRequested()]).when(withdraw(' ')).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(withdraw('r'.repeat(501))).thenThrows('INVALID_TEXT');
  });
});
