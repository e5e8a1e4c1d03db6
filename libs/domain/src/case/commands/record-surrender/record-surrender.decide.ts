import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import { requireNotBefore, requirePastInstant } from '../../../shared/validate.js';
import type { RecordSurrender } from '../../case.commands.js';
import type { DetentionEnded, PersonSurrendered } from '../../case.events.js';
import { openCaseForContributor, openDetentionOf, requireExtradition } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

export function decideRecordSurrender(command: RecordSurrender, state: CaseState): (PersonSurrendered | DetentionEnded)[] {
  const existing = openCaseForContributor(command, state);
  const extradition = requireExtradition(existing, command.data.extraditionId);
  if (extradition.surrenderedAt !== undefined) {
    throw new DomainError('EXTRADITION_ALREADY_SURRENDERED', `Person was surrendered at ${extradition.surrenderedAt}`, 'extraditionId');
  }
  if (extradition.decision?.outcome !== 'granted') {
    throw new DomainError('EXTRADITION_NOT_GRANTED', `Extradition ${extradition.extraditionId} has not been granted`, 'extraditionId');
  }
  const surrenderedAt = requirePastInstant(command.data.surrenderedAt, 'surrenderedAt', command.metadata.now);
  requireNotBefore(surrenderedAt, extradition.decision.decidedAt, 'surrenderedAt', 'the decision');
  const previous = extradition.stages.at(-1);
  if (previous) requireNotBefore(surrenderedAt, previous.reachedAt, 'surrenderedAt', `stage ${previous.stage}`);

  const { caseId } = existing;
  const { extraditionId, personId } = extradition;
  const surrendered: PersonSurrendered = { type: 'PersonSurrendered', data: { caseId, extraditionId, personId, surrenderedAt } };
  // The hand-over ends custody in the requested state. Closing that detention here keeps
  // the record true without a second command and frees the person for the detention the
  // requesting state records next (one open detention per person).
  const held = openDetentionOf(existing, personId);
  if (held && held.holdingCountry === extradition.requestedCountry && compareInstants(held.detainedAt, surrenderedAt) <= 0) {
    return [surrendered, { type: 'DetentionEnded', data: { caseId, detentionId: held.detentionId, outcome: 'surrendered', endedAt: surrenderedAt } }];
  }
  return [surrendered];
}
