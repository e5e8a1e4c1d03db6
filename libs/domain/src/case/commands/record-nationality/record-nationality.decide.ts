import { sameEvaluation } from '../../../shared/evaluation.js';
import { requireCountry, requireEvaluation } from '../../../shared/validate.js';
import type { RecordNationality } from '../../case.commands.js';
import type { NationalityRecorded } from '../../case.events.js';
import { openCaseForContributor, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** Records a nationality, or re-evaluates one already recorded (the new evaluation replaces it). */
export function decideRecordNationality(command: RecordNationality, state: CaseState): NationalityRecorded[] {
  const existing = openCaseForContributor(command, state);
  const person = requirePerson(existing, command.data.personId);
  const country = requireCountry(command.data.country, 'country');
  const evaluation = requireEvaluation(command.data.evaluation, 'evaluation');
  // Idempotent: the same country with the same evaluation adds no information.
  const current = person.nationalities.get(country);
  if (current && sameEvaluation(current, evaluation)) return [];
  return [{ type: 'NationalityRecorded', data: { caseId: existing.caseId, personId: person.personId, country, evaluation } }];
}
