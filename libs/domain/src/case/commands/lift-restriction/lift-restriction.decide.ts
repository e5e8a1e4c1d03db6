import { DomainError } from '../../../shared/domain-error.js';
import { requireText } from '../../../shared/validate.js';
import type { LiftRestriction } from '../../case.commands.js';
import type { RestrictionLifted } from '../../case.events.js';
import { caseForOwner, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** The owner country lifts a restriction, with a reason (e.g. accuracy established, evidence no longer needed). */
export function decideLiftRestriction(command: LiftRestriction, state: CaseState): RestrictionLifted[] {
  const existing = caseForOwner(command, state);
  const person = requirePerson(existing, command.data.personId);
  const reason = requireText(command.data.reason, 'reason', 1000);
  // An error, not a no-op: lifting what is not there points at the wrong person.
  if (person.restriction === undefined) {
    throw new DomainError('PERSON_NOT_RESTRICTED', `Processing of person ${person.personId} is not restricted`, 'personId');
  }
  // Lifting it without a review would only have the process manager restrict it again: the review
  // (ReviewRetention) is what ends an overdue restriction, and it lifts it itself.
  if (person.restriction === 'retention-review-overdue') {
    throw new DomainError('RESTRICTION_NEEDS_REVIEW', `Person ${person.personId} is restricted until the retention review is recorded`, 'personId');
  }
  return [{ type: 'RestrictionLifted', data: { caseId: existing.caseId, personId: person.personId, reason } }];
}
