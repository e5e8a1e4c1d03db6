import type { CountryCode } from '../shared/country-code.js';
import type { DataSubjectCategory } from '../shared/data-subject-category.js';
import type { Evaluation } from '../shared/evaluation.js';
import type { HandlingCode } from '../shared/handling-code.js';
import type { SharingLevel } from '../shared/sharing-level.js';
import type { ExtraditionDeadlineFor, ExtraditionRoute, ExtraditionStage } from './extradition-routes.js';
import type { ErasureBasis } from './commands/erase-personal-data/erasure-basis.js';
import type { RectifiableField, RectifiedValue, RestrictionGround } from './person-lifecycle.js';

// Event names are string literals, part of the stored history: never rename one, never
// derive one from a class name (minifiers and refactors would silently change them).
// Payloads are type aliases of plain JSON (not interfaces) so they satisfy JsonObject.
// Every payload carries caseId so read models need not parse stream names. Who, when
// (recorded), correlation and causation are event metadata, added by the application layer.
// Timestamps are ISO-8601 strings; *At fields are business time, supplied by the officer.

export const PLATFORMS = [
  'telegram', 'tiktok', 'snapchat', 'instagram', 'facebook', 'whatsapp', 'signal', 'discord', 'youtube', 'x', 'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DETENTION_OUTCOMES = ['released', 'transferred', 'surrendered'] as const;
export type DetentionOutcome = (typeof DETENTION_OUTCOMES)[number];

export const HANDLER_RELATIONS = ['recruited', 'instructed', 'paid'] as const;
export type HandlerRelation = (typeof HANDLER_RELATIONS)[number];

export const EXTRADITION_OUTCOMES = ['granted', 'refused'] as const;
export type ExtraditionOutcome = (typeof EXTRADITION_OUTCOMES)[number];

export type NationalityClaim = { country: CountryCode; evaluation: Evaluation };

type Event<Type extends string, Data> = { type: Type; data: Data };

export type CaseOpened = Event<'CaseOpened', {
  caseId: string;
  /** The acting officer's country: the case's controller, who alone manages sharing. */
  ownerCountry: CountryCode;
  title: string;
  offenceCategory: string;
  handlingCode: HandlingCode;
  /** Present exactly when handlingCode is H3. */
  handlingText?: string;
  /** Officer id; kept in data because it is part of the case record, not just the audit. */
  openedBy: string;
}>;
export type CaseSharedWith = Event<'CaseSharedWith', { caseId: string; partnerCountry: CountryCode; level: SharingLevel }>;
export type CaseSharingRevoked = Event<'CaseSharingRevoked', { caseId: string; partnerCountry: CountryCode }>;
export type CaseClosed = Event<'CaseClosed', { caseId: string; reason: string }>;
export type CaseReopened = Event<'CaseReopened', { caseId: string; reason: string }>;

export type PersonRegistered = Event<'PersonRegistered', {
  caseId: string;
  personId: string;
  category: DataSubjectCategory;
  /** At least one of name and pseudonym is present. */
  name?: string;
  pseudonym?: string;
  /** Further names the person is known by (online handles, nicknames); absent on events before it existed. */
  aliases?: string[];
  birthYear?: number;
  nationalities: NationalityClaim[];
}>;
export type NationalityRecorded = Event<'NationalityRecorded', {
  caseId: string; personId: string; country: CountryCode; evaluation: Evaluation;
}>;
export type NationalityRetracted = Event<'NationalityRetracted', {
  caseId: string; personId: string; country: CountryCode; reason: string;
}>;

export type DetentionRecorded = Event<'DetentionRecorded', {
  caseId: string;
  detentionId: string;
  personId: string;
  holdingCountry: CountryCode;
  facility: string;
  detainedAt: string;
  legalBasis: string;
  nextCustodyReviewAt: string;
}>;
export type CustodyExtended = Event<'CustodyExtended', {
  caseId: string; detentionId: string; nextCustodyReviewAt: string; reason?: string;
}>;
export type DetentionEnded = Event<'DetentionEnded', {
  caseId: string; detentionId: string; outcome: DetentionOutcome; endedAt: string;
}>;

export type HandlerAbroadIdentified = Event<'HandlerAbroadIdentified', {
  caseId: string;
  handlerId: string;
  alias: string;
  believedCountry: CountryCode;
  platforms: Platform[];
  evaluation: Evaluation;
}>;
export type HandlerLinkedToPerson = Event<'HandlerLinkedToPerson', {
  caseId: string; handlerId: string; personId: string; relation: HandlerRelation;
}>;
export type HandlerLocationUpdated = Event<'HandlerLocationUpdated', {
  caseId: string; handlerId: string; believedCountry: CountryCode; evaluation: Evaluation;
}>;

export type ExtraditionRequested = Event<'ExtraditionRequested', {
  caseId: string;
  extraditionId: string;
  personId: string;
  requestingCountry: CountryCode;
  requestedCountry: CountryCode;
  route: ExtraditionRoute;
  sentAt: string;
}>;
/** The person consented to surrender; shortens the decision deadline, skips SE Supreme Court review. */
export type ExtraditionConsentRecorded = Event<'ExtraditionConsentRecorded', {
  caseId: string;
  extraditionId: string;
  consentedAt: string;
  /** Decision deadline counted from consent, where the reference gives one. */
  decisionDeadlineAt?: string;
}>;
export type ExtraditionStageReached = Event<'ExtraditionStageReached', {
  caseId: string;
  extraditionId: string;
  stage: ExtraditionStage;
  reachedAt: string;
  /** Statutory deadline this stage starts (see extradition-routes.ts), with what it is for. */
  deadlineAt?: string;
  deadlineFor?: ExtraditionDeadlineFor;
}>;
export type ExtraditionDecided = Event<'ExtraditionDecided', {
  caseId: string; extraditionId: string; outcome: ExtraditionOutcome; grounds: string; decidedAt: string;
}>;
export type PersonSurrendered = Event<'PersonSurrendered', {
  caseId: string; extraditionId: string; personId: string; surrenderedAt: string;
}>;

/**
 * The person's key is destroyed once this is stored (ADR 19). Records who (metadata), when, why and
 * which subject, never the erased values (LED Art. 25: no copy of erased content in the erasure log).
 */
export type PersonalDataErased = Event<'PersonalDataErased', {
  caseId: string; personId: string; subject: string; legalBasis: ErasureBasis; reason: string;
  /** The decision's time (also in metadata): in the data so state and read models can say since when. */
  erasedAt: string;
}>;
/** LED Art. 16(3): the record stays, visibly marked, out of lists and aggregates by default. */
export type ProcessingRestricted = Event<'ProcessingRestricted', {
  caseId: string; personId: string; ground: RestrictionGround; reason: string;
}>;
export type RestrictionLifted = Event<'RestrictionLifted', { caseId: string; personId: string; reason: string }>;
/**
 * LED Art. 16(1): one event type for every rectifiable field (the field names which), so the field
 * policy encrypts `value` under the person's key whatever the field, and recipients see one kind of
 * correction. The value replaces the one on record; null removes it.
 */
export type PersonalDataRectified = Event<'PersonalDataRectified', {
  caseId: string; personId: string; field: RectifiableField; value: RectifiedValue; reason: string;
}>;
/** LED Art. 5: the need to keep the person's data was reviewed; the next review is due at keepUntil. */
export type RetentionReviewed = Event<'RetentionReviewed', {
  caseId: string; personId: string; keepUntil: string; reason: string;
}>;
export type PersonLifecycleEvent = ProcessingRestricted | RestrictionLifted | PersonalDataRectified | RetentionReviewed;

export type CaseEvent =
  | CaseOpened | CaseSharedWith | CaseSharingRevoked | CaseClosed | CaseReopened
  | PersonRegistered | NationalityRecorded | NationalityRetracted
  | DetentionRecorded | CustodyExtended | DetentionEnded
  | HandlerAbroadIdentified | HandlerLinkedToPerson | HandlerLocationUpdated
  | ExtraditionRequested | ExtraditionConsentRecorded | ExtraditionStageReached | ExtraditionDecided | PersonSurrendered
  | PersonalDataErased
  | PersonLifecycleEvent;

export type CaseEventType = CaseEvent['type'];

/** Every event type, for read models that subscribe by type. */
export const CASE_EVENT_TYPES = [
  'CaseOpened', 'CaseSharedWith', 'CaseSharingRevoked', 'CaseClosed', 'CaseReopened',
  'PersonRegistered', 'NationalityRecorded', 'NationalityRetracted',
  'DetentionRecorded', 'CustodyExtended', 'DetentionEnded',
  'HandlerAbroadIdentified', 'HandlerLinkedToPerson', 'HandlerLocationUpdated',
  'ExtraditionRequested', 'ExtraditionConsentRecorded', 'ExtraditionStageReached', 'ExtraditionDecided',
  'PersonSurrendered', 'PersonalDataErased',
  'ProcessingRestricted', 'RestrictionLifted', 'PersonalDataRectified', 'RetentionReviewed',
] as const satisfies readonly CaseEventType[];
// Compile-time completeness: adding an event to the union without listing it fails here.
const _everyTypeListed: [Exclude<CaseEventType, (typeof CASE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

export const isCaseEvent = (event: { type: string }): event is CaseEvent =>
  (CASE_EVENT_TYPES as readonly string[]).includes(event.type);
