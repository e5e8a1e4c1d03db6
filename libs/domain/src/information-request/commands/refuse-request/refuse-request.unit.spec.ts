import { describe, it } from '@jest/globals';
import { InformationRequestAccessDenied } from '../../../shared/domain-error.js';
import {
  NOW, authorisationObtained, authorisationPending, by, clarificationRequested, givenRequest as given, informationProvided,
  informationRequested, requestCommand as command, requestRefused, requestWithdrawn, urgentDirectRequested,
} from '../../../testing/information-request.fixtures.js';

const grounds = (...gs: string[]) => gs.map((ground) => ({ ground, reason: `Reason for ${ground}` }));
const refuse = (data: Record<string, unknown> = {}, country = 'DK', now = NOW) =>
  command('RefuseRequest', { grounds: grounds('a'), refusedAt: '2025-05-13T07:00:00.000Z', ...data } as never, by(country, now));

describe('RefuseRequest (Art. 6)', () => {
  it('refuses on a listed ground with its reason, in full by default', () => {
    given([informationRequested()]).when(refuse()).then([requestRefused()]);
    given([informationRequested()]).when(refuse({ refusedAt: undefined })).then([requestRefused(['a'], false, NOW)]);
  });

  it('takes several distinct grounds, trims reasons, and may refuse only the affected part (Art. 6(1) last subparagraph)', () => {
    given([informationRequested()]).when(refuse({ grounds: [{ ground: 'f', reason: ' Reason for f ' }, { ground: 'g', reason: 'Reason for g' }], partial: true }))
      .then([requestRefused(['f', 'g'], true)]);
  });

  it.each(['a', 'b', 'd', 'e', 'f', 'g', 'h'])('accepts ground (%s) without any authorisation', (ground) => {
    given([informationRequested()]).when(refuse({ grounds: grounds(ground) })).then([requestRefused([ground as 'a'])]);
  });

  it('needs at least one ground (REFUSAL_GROUND_REQUIRED), each from the closed list with a reason, none twice', () => {
    given([informationRequested()]).when(refuse({ grounds: [] })).thenThrows('REFUSAL_GROUND_REQUIRED');
    given([informationRequested()]).when(refuse({ grounds: undefined })).thenThrows('REFUSAL_GROUND_REQUIRED');
    given([informationRequested()]).when(refuse({ grounds: 'a' })).thenThrows('REFUSAL_GROUND_REQUIRED');
    given([informationRequested()]).when(refuse({ grounds: grounds('i') })).thenThrows('INVALID_VALUE');
    given([informationRequested()]).when(refuse({ grounds: ['a'] })).thenThrows('INVALID_VALUE');
    given([informationRequested()]).when(refuse({ grounds: [{ ground: 'a', reason: ' ' }] })).thenThrows('INVALID_TEXT');
    given([informationRequested()]).when(refuse({ grounds: grounds('a', 'b', 'a') })).thenThrows('DUPLICATE_VALUE');
  });

  it('refuses on ground (c) only while a judicial authorisation is pending, ending it with the moved deadline', () => {
    given([informationRequested()]).when(refuse({ grounds: grounds('c') })).thenThrows('NO_AUTHORISATION_PENDING');
    given([informationRequested(), authorisationPending(), authorisationObtained('2025-05-12T13:00:00.000Z', '2025-05-19T09:00:00.000Z')])
      .when(refuse({ grounds: grounds('c') })).thenThrows('NO_AUTHORISATION_PENDING');
    // Pending 12 May 12:00Z – 13 May 07:00Z = 19 h: 19 May 08:00Z + 19 h.
    given([informationRequested(), authorisationPending()]).when(refuse({ grounds: grounds('c', 'a'), partial: true }))
      .then([requestRefused(['c', 'a'], true, '2025-05-13T07:00:00.000Z', '2025-05-20T03:00:00.000Z')]);
    given([informationRequested(), authorisationPending()]).when(refuse({ grounds: grounds('c'), refusedAt: '2025-05-12T11:00:00Z' }))
      .thenThrows('TIMESTAMP_OUT_OF_ORDER');
  });

  it('is REFUSAL_AFTER_DEADLINE once the deadline in force has passed (Art. 6(2): within the Art. 5(1) limits)', () => {
    given([urgentDirectRequested]).when(refuse()).thenThrows('REFUSAL_AFTER_DEADLINE');
    given([urgentDirectRequested]).when(refuse({ refusedAt: '2025-05-12T16:00:00.000Z' })).then([requestRefused(['a'], false, '2025-05-12T16:00:00.000Z')]);
    given([urgentDirectRequested]).when(refuse({ refusedAt: '2025-05-12T16:00:00.001Z' })).thenThrows('REFUSAL_AFTER_DEADLINE');
  });

  it('counts the deadline in force: the clock stands still for a clarification, and a pending authorisation refused on (c) is in time', () => {
    given([urgentDirectRequested, clarificationRequested()]).when(refuse({ grounds: grounds('b') })).then([requestRefused(['b'])]);
    given([urgentDirectRequested, authorisationPending()]).when(refuse({ grounds: grounds('c') }))
      .then([requestRefused(['c'], false, '2025-05-13T07:00:00.000Z', '2025-05-13T11:00:00.000Z')]);
  });

  it('may refuse the rest after a partial answer or a partial refusal, nothing after the request is closed', () => {
    given([informationRequested(), informationProvided('2025-05-12T20:00:00.000Z', true)]).when(refuse()).then([requestRefused()]);
    given([informationRequested(), requestRefused(['f'], true)]).when(refuse()).then([requestRefused()]);
    given([informationRequested(), informationProvided('2025-05-12T20:00:00.000Z')]).when(refuse()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), requestRefused()]).when(refuse()).thenThrows('REQUEST_CLOSED');
    given([informationRequested(), requestWithdrawn()]).when(refuse()).thenThrows('REQUEST_CLOSED');
  });

  it('is for the requested country only (403 before any 422)', () => {
    given([informationRequested()]).when(refuse({ grounds: [] }, 'SE')).thenThrows('NOT_THE_REQUESTED_COUNTRY', InformationRequestAccessDenied);
    given([informationRequested(), requestWithdrawn()]).when(refuse({}, 'NO')).thenThrows('NOT_A_PARTY', InformationRequestAccessDenied);
  });

  it('needs a boolean partial and an instant between receipt and now', () => {
    given([informationRequested()]).when(refuse({ partial: 1 })).thenThrows('INVALID_VALUE');
    given([informationRequested()]).when(refuse({ refusedAt: '2025-05-12T07:00:00Z' })).thenThrows('TIMESTAMP_OUT_OF_ORDER');
    given([informationRequested()]).when(refuse({ refusedAt: '2025-05-13T08:00:01Z' })).thenThrows('TIMESTAMP_IN_FUTURE');
  });
});
