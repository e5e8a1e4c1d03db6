import { DomainError } from '../../../shared/domain-error.js';
import { personSubject } from '../../../shared/personal-data.js';
import { requireOneOf, requireText } from '../../../shared/validate.js';
import type { ErasePersonalData } from '../../case.commands.js';
import type { PersonalDataErased } from '../../case.events.js';
import { caseForOwner } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { ERASURE_BASES } from './erasure-basis.js';

/**
 * LED Art. 16(2) and Art. 5: erasure by the owner country, also in a closed case (retention usually
 * ends after closing). The store destroys the person's key once this event is stored (ADR 19).
 */
export function decideErasePersonalData(command: ErasePersonalData, state: CaseState): PersonalDataErased[] {
  const existing = caseForOwner(command, state);
  const person = existing.persons.get(command.data.personId);
  if (!person) throw new DomainError('PERSON_NOT_REGISTERED', `Person ${command.data.personId} is not registered in the case`, 'personId');
  // Refused rather than repeated: a second erasure would log an erasure that erased nothing.
  if (person.erasedAt) throw new DomainError('PERSON_ALREADY_ERASED', `Person ${person.personId} was erased at ${person.erasedAt}`, 'personId');
  const legalBasis = requireOneOf(command.data.legalBasis, ERASURE_BASES, 'legalBasis');
  const reason = requireText(command.data.reason, 'reason', 1000);
  return [{
    type: 'PersonalDataErased',
    data: { caseId: existing.caseId, personId: person.personId, subject: personSubject(person), legalBasis, reason, erasedAt: command.metadata.now },
  }];
}
