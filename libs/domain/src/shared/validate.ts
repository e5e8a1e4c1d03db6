import { isCountryCode, type CountryCode } from './country-code.js';
import { DomainError } from './domain-error.js';
import { isEvaluation, type Evaluation } from './evaluation.js';
import { compareInstants, isCalendarDate, parseInstant } from './instant.js';
import { isSha256Hex } from './sha256.js';

// Commands arrive from HTTP DTOs that another layer validates too, but the decider is the
// last line before an event becomes permanent, so it re-checks everything it stores.

// Ids end up in stream names ('case-' + id) and URLs: keep them to a safe, bounded alphabet
// (the API's own id alphabet, so anything it accepts in a path passes here too).
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new DomainError('INVALID_ID', `${field} must be 1-128 characters of A-Z a-z 0-9 . _ : - starting with a letter or digit`, field);
  }
  return value;
}

/** Non-blank text up to `max` characters; stored trimmed so blanks can't sneak in. */
export function requireText(value: unknown, field: string, max = 500): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max) {
    throw new DomainError('INVALID_TEXT', `${field} must be non-blank text of at most ${max} characters`, field);
  }
  return text;
}

export function optionalText(value: unknown, field: string, max = 500): string | undefined {
  return value === undefined || value === null ? undefined : requireText(value, field, max);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new DomainError('INVALID_VALUE', `${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

export function requireCountry(value: unknown, field: string): CountryCode {
  if (!isCountryCode(value)) {
    throw new DomainError('INVALID_COUNTRY_CODE', `${field} must be an uppercase ISO 3166-1 alpha-2 code`, field);
  }
  return value;
}

export function requireEvaluation(value: unknown, field: string): Evaluation {
  if (!isEvaluation(value)) {
    throw new DomainError('INVALID_EVALUATION', `${field} must be { source: A|B|C|X, information: 1|2|3|4 }`, field);
  }
  // Copy: never store a caller's object (it may carry extra, non-JSON properties).
  return { source: value.source, information: value.information };
}

export function requireInstant(value: unknown, field: string): string {
  if (parseInstant(value) === undefined) {
    throw new DomainError('INVALID_TIMESTAMP', `${field} must be an ISO-8601 date-time with offset`, field);
  }
  return value as string;
}

/** A recorded fact cannot have happened after the moment it is recorded. */
export function requirePastInstant(value: unknown, field: string, now: string): string {
  const instant = requireInstant(value, field);
  if (compareInstants(instant, now) > 0) {
    throw new DomainError('TIMESTAMP_IN_FUTURE', `${field} lies in the future`, field);
  }
  return instant;
}

/** `later` must not lie before `earlier` (equal is fine: same-minute records are common). */
export function requireNotBefore(later: string, earlier: string, field: string, what: string): void {
  if (compareInstants(later, earlier) < 0) {
    throw new DomainError('TIMESTAMP_OUT_OF_ORDER', `${field} lies before ${what}`, field);
  }
}

export function requireUnique(values: readonly string[], field: string): void {
  const duplicate = values.find((v, i) => values.indexOf(v) !== i);
  if (duplicate !== undefined) {
    throw new DomainError('DUPLICATE_VALUE', `${field} lists ${duplicate} more than once`, field);
  }
}

/** A SHA-256 hex digest, stored lowercase so the same digest always compares equal. */
export function requireSha256(value: unknown, field: string): string {
  if (!isSha256Hex(value)) throw new DomainError('INVALID_SHA256', `${field} must be a SHA-256 digest in hex (64 characters)`, field);
  return value.toLowerCase();
}

export function optionalSha256(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireSha256(value, field);
}

export function requireCalendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) throw new DomainError('INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD`, field);
  return value;
}

/** A whole number in min..max (counts, periods in days). */
export function requireIntegerBetween(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('INVALID_VALUE', `${field} must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

/** A non-empty list of distinct valid country codes (copied, so no caller's array is stored). */
export function requireCountryList(value: unknown, field: string): CountryCode[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainError('INVALID_VALUE', `${field} must be a non-empty list of country codes`, field);
  }
  const countries = value.map((c, i) => requireCountry(c, `${field}.${i}`));
  requireUnique(countries, field);
  return countries;
}
