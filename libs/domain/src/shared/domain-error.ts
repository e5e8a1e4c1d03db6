/** A command broke a business rule or carried invalid data (the API answers 422). */
export const DOMAIN_ERROR_CODES = [
  // case lifecycle and sharing
  'CASE_ALREADY_EXISTS', 'CASE_CLOSED', 'CASE_NOT_CLOSED', 'CANNOT_SHARE_WITH_OWNER', 'CASE_NOT_SHARED_WITH_COUNTRY',
  // persons and nationalities
  'PERSON_ALREADY_REGISTERED', 'PERSON_NOT_REGISTERED', 'PERSON_IDENTITY_REQUIRED', 'NATIONALITY_NOT_RECORDED',
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
  // field validation
  'INVALID_ID', 'INVALID_TEXT', 'INVALID_VALUE', 'INVALID_COUNTRY_CODE', 'INVALID_EVALUATION',
  'INVALID_HANDLING_CODE', 'HANDLING_TEXT_REQUIRED', 'HANDLING_TEXT_NOT_ALLOWED', 'INVALID_BIRTH_YEAR',
  'DUPLICATE_VALUE', 'INVALID_TIMESTAMP', 'TIMESTAMP_IN_FUTURE', 'TIMESTAMP_OUT_OF_ORDER',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** The acting officer's country may not do this on this case (the API answers 403). */
export type CaseAccessDeniedCode = 'NOT_OWNER' | 'NOT_SHARED_FOR_CONTRIBUTION';

/**
 * Common base so callers can catch every rejection the decider makes in one place and still
 * map each subclass to its own status. The three are siblings on purpose: an
 * `instanceof DomainError` branch can never swallow a 403 or a 404.
 */
export abstract class CaseCommandRejected extends Error {
  abstract readonly code: string;
}

export class DomainError extends CaseCommandRejected {
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

export class CaseAccessDenied extends CaseCommandRejected {
  override readonly name = 'CaseAccessDenied';
  constructor(
    readonly code: CaseAccessDeniedCode,
    message: string,
  ) {
    super(message);
  }
}

/** Any command but OpenCase on a case that has no events (the API answers 404). */
export class CaseNotFound extends CaseCommandRejected {
  override readonly name = 'CaseNotFound';
  readonly code = 'CASE_NOT_FOUND' as const;
  constructor(readonly caseId: string) {
    super(`Case ${caseId} does not exist`);
  }
}
