import type { CommandMetadata } from '../shared/command-metadata.js';
import type { CountryCode } from '../shared/country-code.js';
import type { InformationAccess, RefusalGround, RequestChannel, UrgencyReason } from './information-request.events.js';

// Every command names its request (stream information-request-<requestId>). Times come from command
// data (business time, never in the future) or metadata.now; the decider derives the deadline.

type Command<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type FileInformationRequest = Command<'FileInformationRequest', {
  requestId: string; requestedCountry: CountryCode; requestingAuthority: string; caseId?: string;
  informationSought: string; purpose: string; urgent: boolean; urgencyReason?: UrgencyReason;
  access: InformationAccess; language: string; channel?: RequestChannel;
  /** Defaults to metadata.now. */
  receivedAt?: string;
  /** The requested SPOC's IANA zone (the application layer looks it up per country). */
  timeZone: string;
}>;
export type AcknowledgeRequest = Command<'AcknowledgeRequest', { requestId: string; acknowledgedAt?: string }>;
export type RequestClarification = Command<'RequestClarification', { requestId: string; question: string; requestedAt?: string }>;
export type ProvideClarification = Command<'ProvideClarification', { requestId: string; answer: string; providedAt?: string }>;
export type NoteJudicialAuthorisationPending = Command<'NoteJudicialAuthorisationPending', {
  requestId: string; noticeSentAt?: string; expectedDelayDays: number; reason: string;
}>;
export type RecordJudicialAuthorisation = Command<'RecordJudicialAuthorisation', { requestId: string; obtainedAt?: string }>;
export type ProvideInformation = Command<'ProvideInformation', { requestId: string; providedAt?: string; summary: string; partial?: boolean }>;
export type RefuseRequest = Command<'RefuseRequest', {
  requestId: string; refusedAt?: string; grounds: { ground: RefusalGround; reason: string }[]; partial?: boolean;
}>;
export type WithdrawRequest = Command<'WithdrawRequest', { requestId: string; reason: string }>;
export type ForwardRequest = Command<'ForwardRequest', { requestId: string; authority: string; forwardedAt?: string }>;

export type InformationRequestCommand =
  | FileInformationRequest | AcknowledgeRequest | RequestClarification | ProvideClarification
  | NoteJudicialAuthorisationPending | RecordJudicialAuthorisation | ProvideInformation | RefuseRequest
  | WithdrawRequest | ForwardRequest;
export type InformationRequestCommandType = InformationRequestCommand['type'];

/** Every command type once (for exhaustive specs and routing tables). */
export const INFORMATION_REQUEST_COMMAND_TYPES: readonly InformationRequestCommandType[] = [
  'FileInformationRequest', 'AcknowledgeRequest', 'RequestClarification', 'ProvideClarification',
  'NoteJudicialAuthorisationPending', 'RecordJudicialAuthorisation', 'ProvideInformation', 'RefuseRequest',
  'WithdrawRequest', 'ForwardRequest',
];
