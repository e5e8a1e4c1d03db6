import { DomainError } from '../../../shared/domain-error.js';
import { requireNotBefore, requireText } from '../../../shared/validate.js';
import type { ProvideClarification } from '../../information-request.commands.js';
import type { ClarificationProvided } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import { deadlineInForce, type InformationRequestState } from '../../information-request.state.js';
import { MAX_CLARIFICATION_LENGTH } from '../request-clarification/request-clarification.decide.js';

/**
 * The requesting country answers the pending clarification; the clock restarts (Art. 6(3)) and the
 * event carries the deadline moved by the time it stood still.
 */
export function decideProvideClarification(command: ProvideClarification, state: InformationRequestState): ClarificationProvided[] {
  const existing = requireRequestFor(command, state, 'requesting');
  requireOpen(existing);
  const pendingSince = existing.clarificationRequestedAt;
  if (pendingSince === undefined) {
    throw new DomainError('NO_CLARIFICATION_PENDING', `Information request ${existing.requestId} awaits no clarification`);
  }
  const answer = requireText(command.data.answer, 'answer', MAX_CLARIFICATION_LENGTH);
  const providedAt = requestInstant(command.data.providedAt, 'providedAt', command.metadata, existing);
  requireNotBefore(providedAt, pendingSince, 'providedAt', 'the request for clarification');
  return [{
    type: 'ClarificationProvided',
    data: { requestId: existing.requestId, answer, providedAt, deadlineAt: deadlineInForce(existing, providedAt) },
  }];
}
