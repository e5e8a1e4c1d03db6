import type { CountryCode } from '../shared/country-code.js';

// Information requests between countries under Directive (EU) 2023/977 (see ../shared/domain-reference.md,
// "Information requests between countries"; verify every rule against the directive's text and cite the
// article beside the code that applies it). Event names are string literals and part of the stored
// history: never rename one. Payloads are plain JSON; every payload carries requestId. Who and when
// (recorded) are event metadata; *At fields are business time.

/** Art. 4(4): the reasons a request may be urgent (the request must state them). */
export const URGENCY_REASONS = [
  'immediate_serious_threat_to_public_security', // Art. 4(4)(a)
  'imminent_threat_to_life_or_physical_integrity', // Art. 4(4)(b)
  'decision_on_deprivation_of_liberty', // Art. 4(4)(c)
  'imminent_risk_of_losing_relevance', // Art. 4(4)(d)
] as const;
export type UrgencyReason = (typeof URGENCY_REASONS)[number];

/** Whether the requested SPOC can reach the information directly, or only through another authority (Art. 2). */
export const INFORMATION_ACCESS = ['direct', 'indirect'] as const;
export type InformationAccess = (typeof INFORMATION_ACCESS)[number];

/**
 * Art. 6(1)(a)–(h): the only grounds on which a request may be refused (checked against the text: eight
 * points, none after (h)). Points (f) (national security; an investigation or a person's safety; a legal
 * person's interests) and (g) (offence punishable by one year or less; not an offence) group sub-points
 * i–iii and i–ii, recorded under their letter, as Art. 18(2)(c) counts refusals by ground.
 */
export const REFUSAL_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REQUEST_CHANNELS = ['siena', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Art. 5(1): the three time limits. */
export const DEADLINE_RULES = ['8h', '3d', '7d'] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

type Event<Type extends string, Data> = { type: Type; data: Data };

export type InformationRequested = Event<'InformationRequested', {
  requestId: string;
  /** The filing officer's country. */
  requestingCountry: CountryCode;
  requestedCountry: CountryCode;
  /** The requesting SPOC or competent authority. */
  requestingAuthority: string;
  caseId?: string;
  informationSought: string;
  purpose: string;
  urgent: boolean;
  /** Present exactly when urgent. */
  urgencyReason?: UrgencyReason;
  access: InformationAccess;
  /** ISO 639-1 language of the request. */
  language: string;
  channel: RequestChannel;
  /** When the requested SPOC received it: the deadline counts from here (Art. 5(1)). */
  receivedAt: string;
  /** Derived, never typed in: the rule that applies and the instant it gives. */
  deadlineRule: DeadlineRule;
  deadlineAt: string;
  /** IANA zone of the requested SPOC, in which calendar days are counted. */
  timeZone: string;
}>;
export type RequestAcknowledged = Event<'RequestAcknowledged', { requestId: string; acknowledgedAt: string }>;
/** Art. 6(3): asked instead of refusing; the time limits stop from `requestedAt` until the answer arrives. */
export type ClarificationRequested = Event<'ClarificationRequested', { requestId: string; question: string; requestedAt: string }>;
/** The clock restarts; `deadlineAt` is the old deadline moved by the time it stood still. */
export type ClarificationProvided = Event<'ClarificationProvided', { requestId: string; answer: string; providedAt: string; deadlineAt: string }>;
/** Art. 5(2): the requested SPOC tells the requesting side the expected delay and why. */
export type JudicialAuthorisationPending = Event<'JudicialAuthorisationPending', {
  requestId: string; noticeSentAt: string; expectedDelayDays: number; reason: string;
}>;
/** The authorisation was given: answer at once; `deadlineAt` is moved by the time it took (only as far as necessary). */
export type JudicialAuthorisationObtained = Event<'JudicialAuthorisationObtained', { requestId: string; obtainedAt: string; deadlineAt: string }>;
export type InformationProvided = Event<'InformationProvided', {
  requestId: string; providedAt: string; summary: string; partial: boolean;
  /** Provided after the deadline in force (counted in the Art. 18 statistics). */
  late: boolean;
}>;
export type RequestRefused = Event<'RequestRefused', {
  requestId: string; refusedAt: string; grounds: { ground: RefusalGround; reason: string }[];
  /** Only the affected part refused (Art. 6(1) last subparagraph). */
  partial: boolean;
  /**
   * Present exactly when a judicial authorisation was pending and ground (c) ends it (the
   * authorisation was refused): the deadline in force moved by the time the authorisation was
   * pending, as for JudicialAuthorisationObtained, so a partial refusal leaves the rest of the
   * request under the right clock. Added to the contract (optional).
   */
  deadlineAt?: string;
}>;
export type RequestWithdrawn = Event<'RequestWithdrawn', { requestId: string; withdrawnAt: string; reason: string }>;
export type RequestForwardedTo = Event<'RequestForwardedTo', { requestId: string; authority: string; forwardedAt: string }>;

export type InformationRequestEvent =
  | InformationRequested | RequestAcknowledged | ClarificationRequested | ClarificationProvided
  | JudicialAuthorisationPending | JudicialAuthorisationObtained | InformationProvided | RequestRefused
  | RequestWithdrawn | RequestForwardedTo;
export type InformationRequestEventType = InformationRequestEvent['type'];

/** Every event type once (for exhaustive specs and subscriptions). */
export const INFORMATION_REQUEST_EVENT_TYPES: readonly InformationRequestEventType[] = [
  'InformationRequested', 'RequestAcknowledged', 'ClarificationRequested', 'ClarificationProvided',
  'JudicialAuthorisationPending', 'JudicialAuthorisationObtained', 'InformationProvided', 'RequestRefused',
  'RequestWithdrawn', 'RequestForwardedTo',
];
