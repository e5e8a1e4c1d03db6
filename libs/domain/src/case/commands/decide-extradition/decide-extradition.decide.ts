import { DomainError } from '../../../shared/domain-error.js';
import { requireNotBefore, requireOneOf, requirePastInstant, requireText } from '../../../shared/validate.js';
import type { DecideExtradition } from '../../case.commands.js';
import { EXTRADITION_OUTCOMES, type ExtraditionDecided } from '../../case.events.js';
import { openCaseForContributor, requireExtradition, requirePerson, requireUndecided } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { missingBeforeDecision, routePlan } from '../../extradition-routes.js';

/** The executing state's decision (for SE third-country requests: the Government's). */
export function decideDecideExtradition(command: DecideExtradition, state: CaseState): ExtraditionDecided[] {
  const existing = openCaseForContributor(command, state);
  const extradition = requireExtradition(existing, command.data.extraditionId);
  requireUndecided(extradition);
  const outcome = requireOneOf(command.data.outcome, EXTRADITION_OUTCOMES, 'outcome');
  const grounds = requireText(command.data.grounds, 'grounds', 2000);
  const decidedAt = requirePastInstant(command.data.decidedAt, 'decidedAt', command.metadata.now);

  const plan = routePlan(extradition.route, extradition.requestedCountry);
  const consented = extradition.consentedAt !== undefined;
  const missing = missingBeforeDecision(plan, extradition.stages.map((s) => s.stage), consented);
  if (missing) {
    throw new DomainError('EXTRADITION_NOT_READY_FOR_DECISION', `Stage ${missing} must be reached before the decision`, 'extraditionId');
  }
  const previous = extradition.stages.at(-1);
  if (previous) requireNotBefore(decidedAt, previous.reachedAt, 'decidedAt', `stage ${previous.stage}`);

  // Sweden does not extradite its own nationals to third countries (domain reference;
  // lag (1957:668) om utlämning för brott, 2 §). Judged on nationalities currently recorded.
  const person = requirePerson(existing, extradition.personId);
  if (outcome === 'granted' && extradition.route === 'third-country' && extradition.requestedCountry === 'SE' && person.nationalities.has('SE')) {
    throw new DomainError('OWN_NATIONAL_NOT_EXTRADITABLE', `Person ${person.personId} is recorded as a Swedish national`, 'outcome');
  }
  return [{
    type: 'ExtraditionDecided',
    data: { caseId: existing.caseId, extraditionId: extradition.extraditionId, outcome, grounds, decidedAt },
  }];
}
