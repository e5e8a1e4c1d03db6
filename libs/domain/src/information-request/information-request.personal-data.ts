import { requestSubject, type PersonalDataPolicyOf, type ReviewedPlain } from '../shared/personal-data.js';
import type { InformationRequestEvent } from './information-request.events.js';

const request = (...paths: string[]) => paths.map((path) => ({ path, subject: requestSubject }));

/** An information request's personal fields (ADR 19): every free text about whom it asks. */
export const INFORMATION_REQUEST_PERSONAL_DATA: PersonalDataPolicyOf<InformationRequestEvent> = {
  InformationRequested: request('informationSought', 'purpose'),
  RequestAcknowledged: [],
  ClarificationRequested: request('question'),
  ClarificationProvided: request('answer'),
  JudicialAuthorisationPending: request('reason'),
  JudicialAuthorisationObtained: [],
  InformationProvided: request('summary'),
  RequestRefused: request('grounds.*.reason'),
  RequestWithdrawn: request('reason'),
  RequestForwardedTo: [],
};

export const INFORMATION_REQUEST_REVIEWED_PLAIN: ReviewedPlain = {
  'InformationRequested.requestingAuthority': 'an authority (SPOC or competent authority), not a person',
  'InformationRequested.urgencyReason': 'an enumeration of the Art. 4(4) reasons',
  'InformationRequested.channel': 'an enumeration (SIENA or other)',
  'RequestRefused.ground': 'the refusal ground\'s letter, Art. 6(1)(a)–(h)',
  'RequestForwardedTo.authority': 'an authority, not a person',
};
