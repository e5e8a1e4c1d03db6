import { DomainError } from '../../../shared/domain-error.js';
import { requireText } from '../../../shared/validate.js';
import type { RequestClarification } from '../../information-request.commands.js';
import type { ClarificationRequested } from '../../information-request.events.js';
import { requestInstant, requireOpen, requirePauseStart, requireRequestFor } from '../../information-request.guards.js';
import type { InformationRequestState } from '../../information-request.state.js';

export const MAX_CLARIFICATION_LENGTH = 4000;

/**
 * Directive (EU) 2023/977 Art. 6(3): where a request would otherwise have to be refused, the requested
 * SPOC immediately asks for clarifications or specifications; the Art. 5(1) time limits are suspended
 * from the moment the requesting side *receives* that request until the clarification is provided.
 * `requestedAt` is taken as that moment of receipt (SIENA delivers at once). One at a time.
 */
export function decideRequestClarification(command: RequestClarification, state: InformationRequestState): ClarificationRequested[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  if (existing.clarificationRequestedAt !== undefined) {
    throw new DomainError('CLARIFICATION_PENDING', `Information request ${existing.requestId} already awaits a clarification`);
  }
  const question = requireText(command.data.question, 'question', MAX_CLARIFICATION_LENGTH);
  const requestedAt = requestInstant(command.data.requestedAt, 'requestedAt', command.metadata, existing);
  requirePauseStart(requestedAt, 'requestedAt', existing);
  return [{ type: 'ClarificationRequested', data: { requestId: existing.requestId, question, requestedAt } }];
}
