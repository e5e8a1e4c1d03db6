import type { AcknowledgeRequest } from '../../information-request.commands.js';
import type { RequestAcknowledged } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import type { InformationRequestState } from '../../information-request.state.js';

/** The requested country confirms receipt. Acknowledging twice is the same fact: a no-op. */
export function decideAcknowledgeRequest(command: AcknowledgeRequest, state: InformationRequestState): RequestAcknowledged[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  const acknowledgedAt = requestInstant(command.data.acknowledgedAt, 'acknowledgedAt', command.metadata, existing);
  if (existing.acknowledgedAt !== undefined) return [];
  return [{ type: 'RequestAcknowledged', data: { requestId: existing.requestId, acknowledgedAt } }];
}
