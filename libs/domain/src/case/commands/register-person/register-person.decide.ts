import { DATA_SUBJECT_CATEGORIES } from '../../../shared/data-subject-category.js';
import { DomainError } from '../../../shared/domain-error.js';
import { utcYear } from '../../../shared/instant.js';
import {
  optionalText, requireCountry, requireText, requireEvaluation, requireId, requireOneOf, requireUnique,
} from '../../../shared/validate.js';
import type { RegisterPerson } from '../../case.commands.js';
import type { NationalityClaim, PersonRegistered } from '../../case.events.js';
import { openCaseForContributor } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

const EARLIEST_BIRTH_YEAR = 1900;

export function decideRegisterPerson(command: RegisterPerson, state: CaseState): PersonRegistered[] {
  const existing = openCaseForContributor(command, state);
  const { data, metadata } = command;
  const personId = requireId(data.personId, 'personId');
  // Not idempotent: person ids are unique in the case, and a second registration may carry
  // another category or identity that must not be silently dropped.
  if (existing.persons.has(personId)) {
    throw new DomainError('PERSON_ALREADY_REGISTERED', `Person ${personId} is already registered`, 'personId');
  }
  const category = requireOneOf(data.category, DATA_SUBJECT_CATEGORIES, 'category');
  const name = optionalText(data.name, 'name', 200);
  const pseudonym = optionalText(data.pseudonym, 'pseudonym', 200);
  if (name === undefined && pseudonym === undefined) {
    throw new DomainError('PERSON_IDENTITY_REQUIRED', 'A person needs a name or a pseudonym', 'name');
  }
  const birthYear = data.birthYear === undefined || data.birthYear === null ? undefined : readBirthYear(data.birthYear, metadata.now);
  const aliases = readAliases(data.aliases ?? []);
  const nationalities = readNationalities(data.nationalities ?? []);
  return [{
    type: 'PersonRegistered',
    data: {
      caseId: existing.caseId,
      personId,
      category,
      ...(name !== undefined ? { name } : {}),
      ...(pseudonym !== undefined ? { pseudonym } : {}),
      ...(aliases.length ? { aliases } : {}),
      ...(birthYear !== undefined ? { birthYear } : {}),
      nationalities,
    },
  }];
}

/** A whole year from EARLIEST_BIRTH_YEAR to the current one (shared with rectification). */
export function readBirthYear(value: unknown, now: string): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= EARLIEST_BIRTH_YEAR && value <= utcYear(now))) {
    throw new DomainError('INVALID_BIRTH_YEAR', `birthYear must be a whole year from ${EARLIEST_BIRTH_YEAR} to this year`, 'birthYear');
  }
  return value;
}

/** Up to MAX_ALIASES further names, each 1-200 characters, each once. */
export const MAX_ALIASES = 10;

export function readAliases(aliases: unknown): string[] {
  if (!Array.isArray(aliases)) throw new DomainError('INVALID_VALUE', 'aliases must be a list', 'aliases');
  if (aliases.length > MAX_ALIASES) throw new DomainError('INVALID_VALUE', `aliases may list at most ${MAX_ALIASES} names`, 'aliases');
  const read = aliases.map((a, i) => requireText(a, `aliases.${i}`, 200));
  requireUnique(read, 'aliases');
  return read;
}

function readNationalities(claims: unknown): NationalityClaim[] {
  if (!Array.isArray(claims)) throw new DomainError('INVALID_VALUE', 'nationalities must be a list', 'nationalities');
  const read = claims.map((claim: { country?: unknown; evaluation?: unknown } | null, i) => ({
    country: requireCountry(claim?.country, `nationalities.${i}.country`),
    evaluation: requireEvaluation(claim?.evaluation, `nationalities.${i}.evaluation`),
  }));
  requireUnique(read.map((n) => n.country), 'nationalities');
  return read;
}
