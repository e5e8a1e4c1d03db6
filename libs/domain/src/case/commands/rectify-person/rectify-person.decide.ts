import { DomainError } from '../../../shared/domain-error.js';
import { optionalText, requireOneOf, requireText } from '../../../shared/validate.js';
import type { RectifyPerson } from '../../case.commands.js';
import type { PersonalDataRectified } from '../../case.events.js';
import { caseForOwner, requirePerson } from '../../case.guards.js';
import type { CaseState, PersonState } from '../../case.state.js';
import { RECTIFIABLE_FIELDS, type RectifiableField, type RectifiedValue } from '../../person-lifecycle.js';
import { readAliases, readBirthYear } from '../register-person/register-person.decide.js';

/**
 * LED Art. 16(1): the owner country (the controller, who answers for accuracy) replaces one personal
 * field of a registered person. The old value stays in the log, under the same person key (erasure
 * removes both); every recipient's view shows the corrected value with when and by whom (event metadata).
 */
export function decideRectifyPerson(command: RectifyPerson, state: CaseState): PersonalDataRectified[] {
  const existing = caseForOwner(command, state);
  const person = requirePerson(existing, command.data.personId);
  const field = requireOneOf(command.data.field, RECTIFIABLE_FIELDS, 'field');
  const value = readValue(field, command.data.value, command.metadata.now);
  requireIdentityKept(person, field, value);
  const reason = requireText(command.data.reason, 'reason', 1000);
  return [{ type: 'PersonalDataRectified', data: { caseId: existing.caseId, personId: person.personId, field, value, reason } }];
}

/** The same rules as at registration; null removes a single value, an empty list all aliases. */
function readValue(field: RectifiableField, raw: unknown, now: string): RectifiedValue {
  switch (field) {
    case 'name':
    case 'pseudonym':
      return optionalText(raw, 'value', 200) ?? null;
    case 'birthYear':
      return raw === null ? null : readBirthYear(raw, now);
    case 'aliases':
      if (raw === null) throw new DomainError('INVALID_VALUE', 'value must be a list of aliases (empty to remove them all)', 'value');
      return readAliases(raw);
    default: {
      const unhandled: never = field;
      throw new Error(`Unknown field ${String(unhandled)}`);
    }
  }
}

/** A person needs a name or a pseudonym, as at registration: removing the last one is refused. */
function requireIdentityKept(person: PersonState, field: RectifiableField, value: RectifiedValue): void {
  if (value !== null) return;
  const nameLeft = field === 'name' ? false : person.hasName !== false;
  const pseudonymLeft = field === 'pseudonym' ? false : person.hasPseudonym !== false;
  if ((field === 'name' || field === 'pseudonym') && !nameLeft && !pseudonymLeft) {
    throw new DomainError('PERSON_IDENTITY_REQUIRED', 'A person needs a name or a pseudonym', 'value');
  }
}
