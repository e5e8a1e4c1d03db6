import type { CommandMetadata } from '../shared/command-metadata.js';
import type { CountryCode } from '../shared/country-code.js';
import type { DataSubjectCategory } from '../shared/data-subject-category.js';
import type { Evaluation } from '../shared/evaluation.js';
import type { HandlingCode } from '../shared/handling-code.js';
import type { SharingLevel } from '../shared/sharing-level.js';
import type {
  DetentionOutcome, ExtraditionOutcome, HandlerRelation, NationalityClaim, Platform,
} from './case.events.js';
import type { ExtraditionRoute, ExtraditionStage } from './extradition-routes.js';
import type { ErasureBasis } from './commands/erase-personal-data/erasure-basis.js';
import type { RectifiableField, RectifiedValue, RestrictionGround } from './person-lifecycle.js';

// Every command names its case (the application layer routes it to caseStreamId(caseId));
// who acts and when comes from metadata, never from data. The types describe well-formed
// input, but the decider re-validates at run time because DTOs can be cast.

type Command<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

/** ownerCountry is not in the data: a case belongs to the opening officer's country. */
export type OpenCase = Command<'OpenCase', {
  caseId: string; title: string; offenceCategory: string; handlingCode: HandlingCode; handlingText?: string;
}>;
export type ShareCase = Command<'ShareCase', { caseId: string; partnerCountry: CountryCode; level: SharingLevel }>;
export type RevokeSharing = Command<'RevokeSharing', { caseId: string; partnerCountry: CountryCode }>;
export type CloseCase = Command<'CloseCase', { caseId: string; reason: string }>;
export type ReopenCase = Command<'ReopenCase', { caseId: string; reason: string }>;

export type RegisterPerson = Command<'RegisterPerson', {
  caseId: string;
  personId: string;
  category: DataSubjectCategory;
  name?: string;
  pseudonym?: string;
  /** Further names the person is known by (online handles, nicknames); searchable. */
  aliases?: string[];
  birthYear?: number;
  nationalities?: NationalityClaim[];
}>;
export type RecordNationality = Command<'RecordNationality', {
  caseId: string; personId: string; country: CountryCode; evaluation: Evaluation;
}>;
export type RetractNationality = Command<'RetractNationality', {
  caseId: string; personId: string; country: CountryCode; reason: string;
}>;

export type RecordDetention = Command<'RecordDetention', {
  caseId: string;
  detentionId: string;
  personId: string;
  holdingCountry: CountryCode;
  facility: string;
  detainedAt: string;
  legalBasis: string;
  nextCustodyReviewAt: string;
}>;
export type ExtendCustody = Command<'ExtendCustody', {
  caseId: string; detentionId: string; nextCustodyReviewAt: string; reason?: string;
}>;
export type EndDetention = Command<'EndDetention', {
  caseId: string; detentionId: string; outcome: DetentionOutcome; endedAt: string;
}>;

export type IdentifyHandlerAbroad = Command<'IdentifyHandlerAbroad', {
  caseId: string; handlerId: string; alias: string; believedCountry: CountryCode; platforms: Platform[]; evaluation: Evaluation;
}>;
export type LinkHandlerToPerson = Command<'LinkHandlerToPerson', {
  caseId: string; handlerId: string; personId: string; relation: HandlerRelation;
}>;
export type UpdateHandlerLocation = Command<'UpdateHandlerLocation', {
  caseId: string; handlerId: string; believedCountry: CountryCode; evaluation: Evaluation;
}>;

export type RequestExtradition = Command<'RequestExtradition', {
  caseId: string;
  extraditionId: string;
  personId: string;
  requestingCountry: CountryCode;
  requestedCountry: CountryCode;
  route: ExtraditionRoute;
  sentAt: string;
}>;
export type RecordExtraditionConsent = Command<'RecordExtraditionConsent', {
  caseId: string; extraditionId: string; consentedAt: string;
}>;
export type RecordExtraditionStage = Command<'RecordExtraditionStage', {
  caseId: string; extraditionId: string; stage: ExtraditionStage; reachedAt: string;
}>;
export type DecideExtradition = Command<'DecideExtradition', {
  caseId: string; extraditionId: string; outcome: ExtraditionOutcome; grounds: string; decidedAt: string;
}>;
export type RecordSurrender = Command<'RecordSurrender', {
  caseId: string; extraditionId: string; surrenderedAt: string;
}>;

/** LED Art. 5 and 16: erase a person's personal data (crypto-shredding, ADR 19); owner country only. */
export type ErasePersonalData = Command<'ErasePersonalData', {
  caseId: string; personId: string; legalBasis: ErasureBasis; reason: string;
}>;
// The person's personal-data lifecycle (LED Art. 5, 16): the owner country, as controller, decides.
export type RestrictProcessing = Command<'RestrictProcessing', {
  caseId: string; personId: string; ground: RestrictionGround; reason: string;
}>;
export type LiftRestriction = Command<'LiftRestriction', { caseId: string; personId: string; reason: string }>;
export type RectifyPerson = Command<'RectifyPerson', {
  caseId: string; personId: string; field: RectifiableField; value: RectifiedValue; reason: string;
}>;
export type ReviewRetention = Command<'ReviewRetention', { caseId: string; personId: string; keepUntil: string; reason: string }>;

export type CaseCommand =
  | OpenCase | ShareCase | RevokeSharing | CloseCase | ReopenCase
  | RegisterPerson | RecordNationality | RetractNationality
  | RecordDetention | ExtendCustody | EndDetention
  | IdentifyHandlerAbroad | LinkHandlerToPerson | UpdateHandlerLocation
  | RequestExtradition | RecordExtraditionConsent | RecordExtraditionStage | DecideExtradition | RecordSurrender
  | ErasePersonalData
  | RestrictProcessing | LiftRestriction | RectifyPerson | ReviewRetention;

export type CaseCommandType = CaseCommand['type'];
