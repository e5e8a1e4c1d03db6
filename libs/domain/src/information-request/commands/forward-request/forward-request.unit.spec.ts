import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  NOW, by, forwarded, givenRequest as given, informationProvided, informationRequested, requestCommand as command,
} from '../../../testing/information-request.fixtures.js';

const forward = (data: Record<string, unknown> = {}, country = 'DK') =>
  command('ForwardRequest', { authority: 'Københavns Politi', forwardedAt: '2025-05-12T09:00:00.000Z', ...data } as never, by(country));

describe('ForwardRequest', () => {
  it('forwards to another competent authority and keeps the request open (it may be forwarded again and answered)', () => {
    given([informationRequested()]).when(forward()).then([forwarded()]);
    given([informationRequested(), forwarded()]).when(forward({ forwardedAt: undefined, authority: ' Københavns Politi ' })).then([forwarded(NOW)]);
    given([informationRequested(), forwarded()]).when(command('ProvideInformation', { summary: 'Two addresses, one vehicle', providedAt: '2025-05-13T07:00:00.000Z' }))
      .then([informationProvided()]);
  });

  it('is for the requested country only, on an open request', () => {
    given([informationRequested()]).when(forward({}, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested(), informationProvided()]).when(forward()).thenThrows('REQUEST_CLOSED');
  });

  it('needs an authority and an instant between receipt and now', () => {
    given([informationRequested()]).when(forward({ authority: '' })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(forward({ authority: 'a'.repeat(201) })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(forward({ forwardedAt: '2025-05-12T07:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(forward({ forwardedAt: '2025-05-13T09:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
