import { sameEvaluation } from '../../../shared/evaluation.js';
import { requireCountry, requireEvaluation } from '../../../shared/validate.js';
import type { UpdateHandlerLocation } from '../../case.commands.js';
import type { HandlerLocationUpdated } from '../../case.events.js';
import { openCaseForContributor, requireHandler } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** A new assessment of where the handler is; also re-grades the current location. */
export function decideUpdateHandlerLocation(command: UpdateHandlerLocation, state: CaseState): HandlerLocationUpdated[] {
  const existing = openCaseForContributor(command, state);
  const handler = requireHandler(existing, command.data.handlerId);
  const believedCountry = requireCountry(command.data.believedCountry, 'believedCountry');
  const evaluation = requireEvaluation(command.data.evaluation, 'evaluation');
  // Idempotent: same place, same grading, nothing learned.
  if (believedCountry === handler.believedCountry && sameEvaluation(evaluation, handler.evaluation)) return [];
  return [{
    type: 'HandlerLocationUpdated',
    data: { caseId: existing.caseId, handlerId: handler.handlerId, believedCountry, evaluation },
  }];
}
