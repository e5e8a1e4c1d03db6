import { describe, it } from '@jest/globals';
import {
  NOW, by, fileData, givenRequest as given, informationRequested,
  requestCommand as command, requestWithdrawn, urgentDirectRequested, urgentIndirectRequested,
} from '../../../testing/information-request.fixtures.js';

const file = (data: Record<string, unknown> = {}, country = 'SE', now = NOW) =>
  command('FileInformationRequest', { ...fileData, ...data } as never, by(country, now));
const urgent = { urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity' };

describe('FileInformationRequest', () => {
  it('files a request from the actor\'s country with the 7-day deadline derived from receipt (Art. 5(1)(c))', () => {
    given([]).when(file()).then([informationRequested()]);
  });

  it('derives 8 hours for an urgent request for directly accessible information (Art. 5(1)(a))', () => {
    given([]).when(file({ ...urgent, access: 'direct' })).then([urgentDirectRequested]);
  });

  it('derives 3 calendar days for an urgent request for indirectly accessible information (Art. 5(1)(b))', () => {
    given([]).when(file(urgent)).then([urgentIndirectRequested]);
  });

  it('never takes a deadline typed in by the caller', () => {
    given([]).when(file({ deadlineAt: '2030-01-01T00:00:00Z', deadlineRule: '8h' })).then([informationRequested()]);
  });

  it('counts calendar days in the requested SPOC\'s zone across the spring DST change (71 h)', () => {
    given([]).when(file({ ...urgent, receivedAt: '2025-03-28T10:00:00+01:00' }, 'SE', '2025-03-28T12:00:00Z')).then([informationRequested({
      ...urgentIndirectRequested.data, receivedAt: '2025-03-28T10:00:00+01:00', deadlineAt: '2025-03-31T08:00:00.000Z',
    })]);
  });

  it('receives now when no receivedAt is given, with SIENA as the default channel, and keeps another channel', () => {
    given([]).when(file({ receivedAt: undefined })).then([informationRequested({ receivedAt: NOW, deadlineAt: '2025-05-20T08:00:00.000Z' })]);
    given([]).when(file({ channel: 'other' })).then([informationRequested({ channel: 'other' })]);
  });

  it('trims text and needs no case', () => {
    const { caseId: _c, ...withoutCase } = informationRequested().data;
    given([]).when(file({ caseId: undefined, purpose: '  Identify the handler behind the Copenhagen shootings ' }))
      .then([{ type: 'InformationRequested', data: withoutCase }]);
  });

  it('stores the zone\'s canonical spelling', () => {
    given([]).when(file({ timeZone: 'europe/copenhagen' })).then([informationRequested()]);
  });

  it('is REQUEST_ALREADY_FILED on an existing request, even a withdrawn one', () => {
    given([informationRequested()]).when(file()).thenThrows('REQUEST_ALREADY_FILED');
    given([informationRequested(), requestWithdrawn()]).when(file()).thenThrows('REQUEST_ALREADY_FILED');
  });

  it('cannot request the officer\'s own country', () => {
    given([]).when(file({}, 'DK')).thenThrows('CANNOT_REQUEST_OWN_COUNTRY');
  });

  // Checked against the directive's text: Art. 4(4) lists four reasons, points (a) to (d), no more.
  it.each([
    ['a', 'immediate_serious_threat_to_public_security'], ['b', 'imminent_threat_to_life_or_physical_integrity'],
    ['c', 'decision_on_deprivation_of_liberty'], ['d', 'imminent_risk_of_losing_relevance'],
  ] as const)('takes the Art. 4(4)(%s) reason %s', (_, urgencyReason) => {
    given([]).when(file({ ...urgent, urgencyReason })).then([{ ...urgentIndirectRequested, data: { ...urgentIndirectRequested.data, urgencyReason } }]);
  });

  it('needs an urgency reason exactly when urgent (Art. 4(4))', () => {
    given([]).when(file({ urgent: true })).thenThrows('URGENCY_REASON_REQUIRED');
    given([]).when(file({ urgent: true, urgencyReason: 'because' })).thenThrows('INVALID_VALUE');
    given([]).when(file({ urgencyReason: 'imminent_risk_of_losing_relevance' })).thenThrows('INVALID_VALUE');
    given([]).when(file({ urgent: 'yes' })).thenThrows('INVALID_VALUE');
  });

  it.each([
    ['requestId', { requestId: 'no spaces' }, 'INVALID_ID'],
    ['caseId', { caseId: '../case' }, 'INVALID_ID'],
    ['requestedCountry', { requestedCountry: 'dk' }, 'INVALID_COUNTRY_CODE'],
    ['informationSought blank', { informationSought: '  ' }, 'INVALID_TEXT'],
    ['informationSought too long', { informationSought: 'x'.repeat(4001) }, 'INVALID_TEXT'],
    ['purpose', { purpose: '' }, 'INVALID_TEXT'],
    ['requestingAuthority', { requestingAuthority: 'a'.repeat(201) }, 'INVALID_TEXT'],
    ['access', { access: 'both' }, 'INVALID_VALUE'],
    ['language upper case', { language: 'EN' }, 'INVALID_VALUE'],
    ['language three letters', { language: 'swe' }, 'INVALID_VALUE'],
    ['channel', { channel: 'email' }, 'INVALID_VALUE'],
    ['timeZone', { timeZone: 'Europe/Malmo' }, 'INVALID_TIME_ZONE'],
    ['receivedAt without offset', { receivedAt: '2025-05-12T10:00:00' }, 'INVALID_TIMESTAMP'],
    ['receivedAt in the future', { receivedAt: '2025-05-13T08:00:01Z' }, 'TIMESTAMP_IN_FUTURE'],
  ])('refuses %s', (_, data, code) => {
    given([]).when(command('FileInformationRequest', { ...fileData, ...data } as never, by('SE'))).thenThrows(code);
  });

  it('accepts a receipt exactly now', () => {
    given([]).when(file({ receivedAt: NOW })).then([informationRequested({ receivedAt: NOW, deadlineAt: '2025-05-20T08:00:00.000Z' })]);
  });
});
