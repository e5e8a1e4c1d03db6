import { requireNotBefore, requireOneOf, requirePastInstant } from '../../../shared/validate.js';
import type { EndDetention } from '../../case.commands.js';
import { DETENTION_OUTCOMES, type DetentionEnded } from '../../case.events.js';
import { openCaseForContributor, requireOpenDetention } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** Ending an ended detention is DETENTION_NOT_OPEN: the two outcomes or times could differ. */
export function decideEndDetention(command: EndDetention, state: CaseState): DetentionEnded[] {
  const existing = openCaseForContributor(command, state);
  const detention = requireOpenDetention(existing, command.data.detentionId);
  const outcome = requireOneOf(command.data.outcome, DETENTION_OUTCOMES, 'outcome');
  const endedAt = requirePastInstant(command.data.endedAt, 'endedAt', command.metadata.now);
  requireNotBefore(endedAt, detention.detainedAt, 'endedAt', 'detainedAt');
  return [{ type: 'DetentionEnded', data: { caseId: existing.caseId, detentionId: detention.detentionId, outcome, endedAt } }];
}
