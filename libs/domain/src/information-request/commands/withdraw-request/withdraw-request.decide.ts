import { requireText } from '../../../shared/validate.js';
import type { WithdrawRequest } from '../../information-request.commands.js';
import type { RequestWithdrawn } from '../../information-request.events.js';
import { requireOpen, requireRequestFor } from '../../information-request.guards.js';
import type { InformationRequestState } from '../../information-request.state.js';

/**
 * The requesting country withdraws its request now (`withdrawnAt = metadata.now`). Withdrawing twice is
 * the same decision (a no-op); withdrawing an answered or refused request is REQUEST_CLOSED.
 */
export function decideWithdrawRequest(command: WithdrawRequest, state: InformationRequestState): RequestWithdrawn[] {
  const existing = requireRequestFor(command, state, 'requesting');
  const reason = requireText(command.data.reason, 'reason', 500);
  if (existing.closedBy === 'withdrawn') return [];
  requireOpen(existing);
  return [{ type: 'RequestWithdrawn', data: { requestId: existing.requestId, withdrawnAt: command.metadata.now, reason } }];
}
