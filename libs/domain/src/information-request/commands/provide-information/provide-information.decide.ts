import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import { requireText } from '../../../shared/validate.js';
import type { ProvideInformation } from '../../information-request.commands.js';
import type { InformationProvided } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import { deadlineInForce, type InformationRequestState } from '../../information-request.state.js';

export const MAX_SUMMARY_LENGTH = 4000;

/**
 * The requested country answers (Art. 5(1): as soon as possible, within the limits). A late answer is
 * still accepted and marked `late` against the deadline in force (counted in the Art. 18 statistics);
 * a partial answer keeps the request open for the rest, a full one closes it.
 */
export function decideProvideInformation(command: ProvideInformation, state: InformationRequestState): InformationProvided[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  const summary = requireText(command.data.summary, 'summary', MAX_SUMMARY_LENGTH);
  const partial = command.data.partial ?? false;
  if (typeof partial !== 'boolean') throw new DomainError('INVALID_VALUE', 'partial must be true or false', 'partial');
  const providedAt = requestInstant(command.data.providedAt, 'providedAt', command.metadata, existing);
  const late = compareInstants(providedAt, deadlineInForce(existing, providedAt)) > 0;
  return [{ type: 'InformationProvided', data: { requestId: existing.requestId, providedAt, summary, partial, late } }];
}
