import { DomainError } from '../../../shared/domain-error.js';
import { requireCountry, requireText } from '../../../shared/validate.js';
import type { RetractNationality } from '../../case.commands.js';
import type { NationalityRetracted } from '../../case.events.js';
import { openCaseForContributor, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** LED Art. 16 rectification: the retraction and its reason stay on record. */
export function decideRetractNationality(command: RetractNationality, state: CaseState): NationalityRetracted[] {
  const existing = openCaseForContributor(command, state);
  const person = requirePerson(existing, command.data.personId);
  const country = requireCountry(command.data.country, 'country');
  // An error rather than a no-op: retracting what is not recorded points at a wrong person
  // or country, which the officer should see.
  if (!person.nationalities.has(country)) {
    throw new DomainError('NATIONALITY_NOT_RECORDED', `${country} is not recorded for person ${person.personId}`, 'country');
  }
  const reason = requireText(command.data.reason, 'reason', 1000);
  return [{ type: 'NationalityRetracted', data: { caseId: existing.caseId, personId: person.personId, country, reason } }];
}
