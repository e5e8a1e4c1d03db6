/** A command broke a business rule or carried invalid data (the API answers 422). */
export const DOMAIN_ERROR_CODES = [
  // case lifecycle and sharing
  'CASE_ALREADY_EXISTS', 'CASE_CLOSED', 'CASE_NOT_CLOSED', 'CANNOT_SHARE_WITH_OWNER', 'CASE_NOT_SHARED_WITH_COUNTRY',
  // persons and nationalities
  'PERSON_ALREADY_REGISTERED', 'PERSON_NOT_REGISTERED', 'PERSON_IDENTITY_REQUIRED', 'NATIONALITY_NOT_RECORDED',
  'PERSON_ERASED', 'PERSON_ALREADY_ERASED',
  // personal-data lifecycle (LED Art. 5 and 16)
  'PERSON_NOT_RESTRICTED', 'RESTRICTION_NEEDS_REVIEW', 'RETENTION_NOT_OVERDUE', 'KEEP_UNTIL_NOT_LATER',
  // detentions
  'DETENTION_ALREADY_RECORDED', 'DETENTION_NOT_FOUND', 'DETENTION_ALREADY_OPEN', 'DETENTION_NOT_OPEN',
  'CUSTODY_REVIEW_NOT_LATER',
  // handlers abroad
  'HANDLER_ALREADY_IDENTIFIED', 'HANDLER_NOT_IDENTIFIED',
  // extraditions
  'EXTRADITION_ALREADY_REQUESTED', 'EXTRADITION_NOT_FOUND', 'EXTRADITION_ROUTE_NOT_APPLICABLE',
  'EXTRADITION_STAGE_NOT_IN_ROUTE', 'EXTRADITION_STAGE_OUT_OF_ORDER', 'EXTRADITION_CONSENT_ALREADY_RECORDED',
  'EXTRADITION_NOT_READY_FOR_DECISION', 'EXTRADITION_ALREADY_DECIDED', 'EXTRADITION_NOT_GRANTED',
  'EXTRADITION_ALREADY_SURRENDERED', 'OWN_NATIONAL_NOT_EXTRADITABLE',
  // platform referrals and action days
  'REFERRAL_NOT_SENT', 'REFERRAL_ALREADY_SENT', 'REFERRAL_OUTCOME_ALREADY_RECORDED', 'REFERRAL_WITHDRAWN',
  'REFERRAL_LOCATOR_MISMATCH', 'REFERRAL_RESPONSE_NOT_DUE', 'REFERRAL_NOT_REMOVED', 'REFERRAL_ALREADY_ANSWERED',
  'ACTION_DAY_ALREADY_PLANNED', 'ACTION_DAY_NOT_PARTICIPATING', 'ACTION_DAY_PLATFORM_MISMATCH',
  'INVALID_LOCATOR', 'INVALID_SHA256', 'INVALID_DATE',
  // information requests (Directive (EU) 2023/977)
  'REQUEST_ALREADY_FILED', 'REQUEST_CLOSED', 'REFUSAL_AFTER_DEADLINE', 'REFUSAL_GROUND_REQUIRED',
  'URGENCY_REASON_REQUIRED', 'CLARIFICATION_PENDING', 'NO_CLARIFICATION_PENDING', 'AUTHORISATION_ALREADY_PENDING',
  'NO_AUTHORISATION_PENDING', 'CANNOT_REQUEST_OWN_COUNTRY', 'INVALID_TIME_ZONE',
  // field validation
  'INVALID_ID', 'INVALID_TEXT', 'INVALID_VALUE', 'INVALID_COUNTRY_CODE', 'INVALID_EVALUATION',
  'INVALID_HANDLING_CODE', 'HANDLING_TEXT_REQUIRED', 'HANDLING_TEXT_NOT_ALLOWED', 'INVALID_BIRTH_YEAR',
  'DUPLICATE_VALUE', 'INVALID_TIMESTAMP', 'TIMESTAMP_IN_FUTURE', 'TIMESTAMP_OUT_OF_ORDER',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** The acting officer's country may not do this on this case (the API answers 403). */
export type CaseAccessDeniedCode = 'NOT_OWNER' | 'NOT_SHARED_FOR_CONTRIBUTION';
/** The acting officer's country is not among a referral's referrers / an action day's participants (403). */
export type ReferralAccessDeniedCode = 'NOT_A_REFERRER' | 'NOT_THE_ORIGINATOR' | 'NOT_A_PARTICIPANT';
/**
 * An information request is shared by nature between its two countries and nobody else (403):
 * NOT_A_PARTY for any other country, NOT_THE_REQUESTED_COUNTRY / NOT_THE_REQUESTING_COUNTRY for the
 * other side's half of the exchange.
 */
export type InformationRequestAccessDeniedCode = 'NOT_A_PARTY' | 'NOT_THE_REQUESTED_COUNTRY' | 'NOT_THE_REQUESTING_COUNTRY';

/**
 * Common base so callers can catch every rejection the decider makes in one place and still
 * map each subclass to its own status. The three are siblings on purpose: an
 * `instanceof DomainError` branch can never swallow a 403 or a 404.
 */
export abstract class CommandRejected extends Error {
  abstract readonly code: string;
}
/** Kept for the case code that already names it. */
export { CommandRejected as CaseCommandRejected };

/** The command's aggregate does not exist (the API answers 404). Every aggregate's not-found extends it. */
export abstract class AggregateNotFound<Code extends string = string> extends CommandRejected {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

/** The acting officer's country may not do this (the API answers 403). Every aggregate's denial extends it. */
export abstract class AccessDenied<Code extends string = string> extends CommandRejected {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

export class DomainError extends CommandRejected {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The offending command field, as a dotted path (e.g. 'nationalities.1.country'). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export class CaseAccessDenied extends AccessDenied<CaseAccessDeniedCode> {
  override readonly name = 'CaseAccessDenied';
}

/** Any command but OpenCase on a case that has no events (the API answers 404). */
export class CaseNotFound extends AggregateNotFound<'CASE_NOT_FOUND'> {
  override readonly name = 'CaseNotFound';
  constructor(readonly caseId: string) {
    super('CASE_NOT_FOUND', `Case ${caseId} does not exist`);
  }
}

export class ReferralAccessDenied extends AccessDenied<ReferralAccessDeniedCode> {
  override readonly name = 'ReferralAccessDenied';
}

/** Any referral command but ReferContent on a referral that has no events (404). */
export class ReferralNotFound extends AggregateNotFound<'REFERRAL_NOT_FOUND'> {
  override readonly name = 'ReferralNotFound';
  constructor(readonly referralId: string) {
    super('REFERRAL_NOT_FOUND', `Referral ${referralId} does not exist`);
  }
}

/** Any action-day command but PlanActionDay on a day that has no events (404). */
export class ActionDayNotFound extends AggregateNotFound<'ACTION_DAY_NOT_FOUND'> {
  override readonly name = 'ActionDayNotFound';
  constructor(readonly actionDayId: string) {
    super('ACTION_DAY_NOT_FOUND', `Action day ${actionDayId} does not exist`);
  }
}

export class InformationRequestAccessDenied extends AccessDenied<InformationRequestAccessDeniedCode> {
  override readonly name = 'InformationRequestAccessDenied';
}

/** Any information-request command but FileInformationRequest on a request that has no events (404). */
export class InformationRequestNotFound extends AggregateNotFound<'INFORMATION_REQUEST_NOT_FOUND'> {
  override readonly name = 'InformationRequestNotFound';
  constructor(readonly requestId: string) {
    super('INFORMATION_REQUEST_NOT_FOUND', `Information request ${requestId} does not exist`);
  }
}
