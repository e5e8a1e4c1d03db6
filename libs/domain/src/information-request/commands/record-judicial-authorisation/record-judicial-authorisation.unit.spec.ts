import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  authorisationObtained, authorisationPending, by, clarificationProvided, clarificationRequested, givenRequest as given,
  informationRequested, requestCommand as command, requestRefused, requestWithdrawn,
} from '../../../testing/information-request.fixtures.js';

const LATER = '2025-05-16T12:00:00.000Z';
const record = (data: Record<string, unknown> = { obtainedAt: LATER }, country = 'DK') =>
  command('RecordJudicialAuthorisation', data as never, by(country, '2025-05-17T08:00:00.000Z'));

describe('RecordJudicialAuthorisation (Art. 5(2): deviate only insofar as necessary)', () => {
  it('moves the deadline by exactly the time the authorisation was pending (4 days)', () => {
    given([informationRequested(), authorisationPending()]).when(record())
      .then([authorisationObtained(LATER, '2025-05-23T08:00:00.000Z')]);
  });

  it('takes now when undated', () => {
    given([informationRequested(), authorisationPending()]).when(record({}))
      .then([authorisationObtained('2025-05-17T08:00:00.000Z', '2025-05-24T04:00:00.000Z')]);
  });

  it('counts the union of overlapping pauses once (clarification 12 May 10:00 – 13 May 07:00, authorisation from 12:00)', () => {
    const history = [
      informationRequested(), clarificationRequested(), authorisationPending(),
      clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-20T05:00:00.000Z'),
    ];
    // Clock stopped 12 May 10:00Z – 14 May 07:00Z = 45 h: 19 May 08:00Z + 45 h = 21 May 05:00Z.
    given(history).when(record({ obtainedAt: '2025-05-14T07:00:00.000Z' }))
      .then([authorisationObtained('2025-05-14T07:00:00.000Z', '2025-05-21T05:00:00.000Z')]);
  });

  it('needs a pending authorisation', () => {
    given([informationRequested()]).when(record()).thenThrows('NO_AUTHORISATION_PENDING');
    given([informationRequested(), authorisationPending(), authorisationObtained(LATER, '2025-05-23T08:00:00.000Z')])
      .when(record()).thenThrows('NO_AUTHORISATION_PENDING');
    // A partial refusal on ground (c) ends the pending authorisation too.
    given([informationRequested(), authorisationPending(), requestRefused(['c'], true, '2025-05-13T07:00:00.000Z', '2025-05-20T03:00:00.000Z')])
      .when(record()).thenThrows('NO_AUTHORISATION_PENDING');
  });

  it('is for the requested country only, on an open request, not before the notice', () => {
    given([informationRequested(), authorisationPending()]).when(record(undefined, 'SE'))
      .thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested(), authorisationPending(), requestWithdrawn('2025-05-13T08:00:00.000Z')]).when(record()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), authorisationPending()]).when(record({ obtainedAt: '2025-05-12T11:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested(), authorisationPending()]).when(record({ obtainedAt: '2025-05-18T11:00:00Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
