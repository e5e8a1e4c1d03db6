import { requireText } from '../../../shared/validate.js';
import type { ForwardRequest } from '../../information-request.commands.js';
import type { RequestForwardedTo } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import type { InformationRequestState } from '../../information-request.state.js';
import { MAX_AUTHORITY_LENGTH } from '../file-information-request/file-information-request.decide.js';

/**
 * The requested SPOC passes the request to another competent authority (e.g. for indirectly
 * accessible information). The request stays open and its clock keeps running: forwarding is internal
 * to the requested state and changes nothing in Art. 5(1).
 */
export function decideForwardRequest(command: ForwardRequest, state: InformationRequestState): RequestForwardedTo[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  const authority = requireText(command.data.authority, 'authority', MAX_AUTHORITY_LENGTH);
  const forwardedAt = requestInstant(command.data.forwardedAt, 'forwardedAt', command.metadata, existing);
  return [{ type: 'RequestForwardedTo', data: { requestId: existing.requestId, authority, forwardedAt } }];
}
