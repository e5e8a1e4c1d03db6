import { DomainError } from '../../../shared/domain-error.js';
import { requireNotBefore, requireOneOf, requirePastInstant } from '../../../shared/validate.js';
import type { RecordExtraditionStage } from '../../case.commands.js';
import type { ExtraditionStageReached } from '../../case.events.js';
import { openCaseForContributor, requireExtradition, requireUndecided } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';
import { EXTRADITION_STAGES, checkNextStage, deadlineAfter, routePlan } from '../../extradition-routes.js';

export function decideRecordExtraditionStage(command: RecordExtraditionStage, state: CaseState): ExtraditionStageReached[] {
  const existing = openCaseForContributor(command, state);
  const extradition = requireExtradition(existing, command.data.extraditionId);
  const stage = requireOneOf(command.data.stage, EXTRADITION_STAGES, 'stage');
  const reachedAt = requirePastInstant(command.data.reachedAt, 'reachedAt', command.metadata.now);
  const plan = routePlan(extradition.route, extradition.requestedCountry);
  const check = checkNextStage(plan, extradition.stages.map((s) => s.stage), stage, extradition.consentedAt !== undefined);
  if (!check.ok) throw new DomainError(check.code, check.reason, 'stage');

  if (check.rule.phase === 'before-decision') {
    requireUndecided(extradition);
  } else if (!extradition.decision) {
    throw new DomainError('EXTRADITION_STAGE_OUT_OF_ORDER', `${stage} needs a decision first`, 'stage');
  } else if (extradition.decision.outcome !== 'granted') {
    // A refusal ends the matter here; a hand-over deadline would be meaningless.
    throw new DomainError('EXTRADITION_NOT_GRANTED', `Extradition ${extradition.extraditionId} was refused`, 'stage');
  } else {
    requireNotBefore(reachedAt, extradition.decision.decidedAt, 'reachedAt', 'the decision');
  }
  const previous = extradition.stages.at(-1);
  if (previous) requireNotBefore(reachedAt, previous.reachedAt, 'reachedAt', `stage ${previous.stage}`);

  const deadline = deadlineAfter(reachedAt, check.rule.deadline);
  return [{
    type: 'ExtraditionStageReached',
    data: { caseId: existing.caseId, extraditionId: extradition.extraditionId, stage, reachedAt, ...deadline },
  }];
}
