import {
  caseTextSubject, handlerSubject, personSubject, type PersonalDataPolicyOf, type ReviewedPlain,
} from '../shared/personal-data.js';
import type { CaseEvent } from './case.events.js';

const person = (...paths: string[]) => paths.map((path) => ({ path, subject: personSubject }));
const caseText = (...paths: string[]) => paths.map((path) => ({ path, subject: caseTextSubject }));

/**
 * The case's personal fields (ADR 19). Free text goes to the narrowest subject the event names:
 * a person's when the event carries personId, otherwise the case's own text subject (CustodyExtended
 * and ExtraditionDecided name a detention or an extradition, not the person).
 */
export const CASE_PERSONAL_DATA: PersonalDataPolicyOf<CaseEvent> = {
  CaseOpened: caseText('title', 'handlingText'),
  CaseSharedWith: [],
  CaseSharingRevoked: [],
  CaseClosed: caseText('reason'),
  CaseReopened: caseText('reason'),
  PersonRegistered: person('name', 'pseudonym', 'aliases', 'birthYear'),
  NationalityRecorded: [],
  NationalityRetracted: person('reason'),
  DetentionRecorded: [],
  CustodyExtended: caseText('reason'),
  DetentionEnded: [],
  HandlerAbroadIdentified: [{ path: 'alias', subject: handlerSubject }],
  HandlerLinkedToPerson: [],
  HandlerLocationUpdated: [],
  ExtraditionRequested: [],
  ExtraditionConsentRecorded: [],
  ExtraditionStageReached: [],
  ExtraditionDecided: caseText('grounds'),
  PersonSurrendered: [],
  // Deliberately plain: the erasure log names the subject and why, and must outlive the key it destroys.
  PersonalDataErased: [],
  ProcessingRestricted: person('reason'),
  RestrictionLifted: person('reason'),
  PersonalDataRectified: person('value', 'reason'),
  RetentionReviewed: person('reason'),
};

export const CASE_REVIEWED_PLAIN: ReviewedPlain = {
  'PersonalDataErased.legalBasis': 'a ground from the directive\'s closed list, not a person',
  'PersonalDataErased.reason': 'why the officer erased: written about the erasure, not the person; it must outlive the key it destroys (LED Art. 25)',
  'DetentionRecorded.facility': 'a detention facility, not a person; the detention register needs it, and it identifies no one once the person\'s own fields are erased',
  'DetentionRecorded.legalBasis': 'a statutory provision (e.g. Retsplejeloven § 762), not a person',
  'ProcessingRestricted.ground': 'one of a fixed list of Art. 16(3) grounds, not free text',
};
