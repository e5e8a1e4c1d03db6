import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import { requireOneOf, requireText } from '../../../shared/validate.js';
import type { RestrictProcessing } from '../../case.commands.js';
import type { ProcessingRestricted } from '../../case.events.js';
import { caseForOwner, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { RESTRICTION_GROUNDS } from '../../person-lifecycle.js';

/**
 * LED Art. 16(3), by the owner country (the controller), open or closed case: retention matters most
 * once a case is closed. Idempotent: a person already restricted stays restricted on the ground first
 * given (lift it to restrict on another), so the retention process manager may send it twice.
 */
export function decideRestrictProcessing(command: RestrictProcessing, state: CaseState): ProcessingRestricted[] {
  const existing = caseForOwner(command, state);
  const person = requirePerson(existing, command.data.personId);
  const ground = requireOneOf(command.data.ground, RESTRICTION_GROUNDS, 'ground');
  const reason = requireText(command.data.reason, 'reason', 1000);
  if (person.restriction !== undefined) return [];
  // The process manager reads a read model that may lag a review recorded a moment ago: the stream
  // knows better, and a review that keeps the data beyond now means the review is not overdue.
  if (ground === 'retention-review-overdue' && person.keepUntil !== undefined
    && compareInstants(person.keepUntil, command.metadata.now) >= 0) {
    throw new DomainError('RETENTION_NOT_OVERDUE', `The retention review of person ${person.personId} is not overdue`, 'ground');
  }
  return [{ type: 'ProcessingRestricted', data: { caseId: existing.caseId, personId: person.personId, ground, reason } }];
}
