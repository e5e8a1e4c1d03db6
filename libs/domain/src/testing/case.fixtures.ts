// Fixed ids, instants and ready-made events for specs. Nothing here reads a clock.
import type { CaseCommand, CaseCommandType } from '../case/case.commands.js';
import type {
  CaseClosed, CaseOpened, CaseSharedWith, DetentionRecorded, ExtraditionConsentRecorded, ExtraditionDecided,
  ExtraditionRequested, ExtraditionStageReached, HandlerAbroadIdentified, PersonRegistered,
} from '../case/case.events.js';
import type { ExtraditionRoute, ExtraditionStage } from '../case/extradition-routes.js';
import type { SharingLevel } from '../shared/sharing-level.js';
import type { CommandMetadata } from '../shared/command-metadata.js';

export const CASE_ID = 'c-2024-0815';
export const NOW = '2024-09-02T10:00:00.000Z';
export const PERSON_ID = 'p-1';
export const DETENTION_ID = 'd-1';
export const HANDLER_ID = 'h-1';
export const EXTRADITION_ID = 'x-1';

/** Metadata for an officer of `country` (the owner, DK, unless said otherwise). */
export function by(country = 'DK', id = `officer-${country.toLowerCase()}`): CommandMetadata {
  return { actor: { id, country }, now: NOW, correlationId: 'corr-1', causationId: 'cause-1' };
}

/** Builds a command with caseId filled in, as the owner unless metadata is given. */
export function command<T extends CaseCommandType>(
  type: T,
  data: Omit<Extract<CaseCommand, { type: T }>['data'], 'caseId'>,
  metadata: CommandMetadata = by(),
): Extract<CaseCommand, { type: T }> {
  return { type, data: { caseId: CASE_ID, ...data }, metadata } as unknown as Extract<CaseCommand, { type: T }>;
}

export const caseOpened: CaseOpened = {
  type: 'CaseOpened',
  data: {
    caseId: CASE_ID, ownerCountry: 'DK', title: 'Shooting at Nørrebro, 12 Aug', offenceCategory: 'attempted-homicide',
    handlingCode: 'H1', openedBy: 'officer-dk',
  },
};

export const sharedWith = (partnerCountry: string, level: SharingLevel): CaseSharedWith => ({
  type: 'CaseSharedWith', data: { caseId: CASE_ID, partnerCountry, level },
});

export const caseClosed: CaseClosed = { type: 'CaseClosed', data: { caseId: CASE_ID, reason: 'Investigation concluded' } };

export const personRegistered: PersonRegistered = {
  type: 'PersonRegistered',
  data: {
    caseId: CASE_ID, personId: PERSON_ID, category: 'suspect', pseudonym: 'Suspect A', birthYear: 2008,
    nationalities: [{ country: 'SE', evaluation: { source: 'A', information: 1 } }],
  },
};

export const detentionRecorded: DetentionRecorded = {
  type: 'DetentionRecorded',
  data: {
    caseId: CASE_ID, detentionId: DETENTION_ID, personId: PERSON_ID, holdingCountry: 'DK', facility: 'Vestre Fængsel',
    detainedAt: '2024-08-12T23:40:00.000Z', legalBasis: 'Retsplejeloven § 762', nextCustodyReviewAt: '2024-09-09T09:00:00.000Z',
  },
};

export const handlerIdentified: HandlerAbroadIdentified = {
  type: 'HandlerAbroadIdentified',
  data: {
    caseId: CASE_ID, handlerId: HANDLER_ID, alias: 'Kungen', believedCountry: 'TR', platforms: ['telegram', 'tiktok'],
    evaluation: { source: 'B', information: 3 },
  },
};

export function extraditionRequested(
  route: ExtraditionRoute = 'nordic-arrest-warrant',
  requestingCountry = 'SE',
  requestedCountry = 'DK',
): ExtraditionRequested {
  return {
    type: 'ExtraditionRequested',
    data: {
      caseId: CASE_ID, extraditionId: EXTRADITION_ID, personId: PERSON_ID, requestingCountry, requestedCountry, route,
      sentAt: '2024-08-14T08:00:00.000Z',
    },
  };
}

/** Deadline fields are left out: folding into state never reads them. */
export const stageReached = (stage: ExtraditionStage, reachedAt: string): ExtraditionStageReached => ({
  type: 'ExtraditionStageReached', data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, stage, reachedAt },
});

export const consentRecorded = (consentedAt: string): ExtraditionConsentRecorded => ({
  type: 'ExtraditionConsentRecorded', data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, consentedAt },
});

export const extraditionDecided = (outcome: 'granted' | 'refused', decidedAt = '2024-08-25T12:00:00.000Z'): ExtraditionDecided => ({
  type: 'ExtraditionDecided',
  data: { caseId: CASE_ID, extraditionId: EXTRADITION_ID, outcome, grounds: 'Conditions of § 10 met', decidedAt },
});
