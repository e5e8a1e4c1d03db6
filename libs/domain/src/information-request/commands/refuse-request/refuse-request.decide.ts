import { DomainError } from '../../../shared/domain-error.js';
import { compareInstants } from '../../../shared/instant.js';
import { requireNotBefore, requireOneOf, requireText, requireUnique } from '../../../shared/validate.js';
import type { RefuseRequest } from '../../information-request.commands.js';
import { REFUSAL_GROUNDS, type RefusalGround, type RequestRefused } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import { deadlineInForce, type InformationRequestState } from '../../information-request.state.js';

export const MAX_REFUSAL_GROUNDS = REFUSAL_GROUNDS.length;

function requireGrounds(value: unknown): { ground: RefusalGround; reason: string }[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainError('REFUSAL_GROUND_REQUIRED', 'A refusal names at least one ground of Directive (EU) 2023/977 Art. 6(1)', 'grounds');
  }
  const grounds = value.map((entry: unknown, i) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as { ground?: unknown; reason?: unknown };
    return {
      ground: requireOneOf(item.ground, REFUSAL_GROUNDS, `grounds.${i}.ground`),
      reason: requireText(item.reason, `grounds.${i}.reason`, 2000),
    };
  });
  requireUnique(grounds.map((g) => g.ground), 'grounds');
  return grounds;
}

/**
 * Directive (EU) 2023/977 Art. 6: a request is refused only on the grounds of Art. 6(1)(a)–(h), each
 * with its reasons, and only for the affected part (`partial`, Art. 6(1) last subparagraph). Art. 6(2):
 * the refusal and its reasons are notified within the Art. 5(1) time limits, so refusing after the
 * deadline in force is REFUSAL_AFTER_DEADLINE (the answer is then due, late, as InformationProvided).
 * Ground (c), a refused judicial authorisation, exists only if one was pending; it ends that pause.
 */
export function decideRefuseRequest(command: RefuseRequest, state: InformationRequestState): RequestRefused[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  const grounds = requireGrounds(command.data.grounds);
  const partial = command.data.partial ?? false;
  if (typeof partial !== 'boolean') throw new DomainError('INVALID_VALUE', 'partial must be true or false', 'partial');
  const refusedAt = requestInstant(command.data.refusedAt, 'refusedAt', command.metadata, existing);
  const authorisationRefused = grounds.findIndex((g) => g.ground === 'c');
  if (authorisationRefused >= 0 && existing.authorisationPendingSince === undefined) {
    throw new DomainError(
      'NO_AUTHORISATION_PENDING',
      'Ground (c), judicial authorisation refused, needs a judicial authorisation pending on the request',
      `grounds.${authorisationRefused}.ground`,
    );
  }
  if (authorisationRefused >= 0 && existing.authorisationPendingSince !== undefined) {
    requireNotBefore(refusedAt, existing.authorisationPendingSince, 'refusedAt', 'the notice of the pending authorisation');
  }
  const deadlineAt = deadlineInForce(existing, refusedAt);
  if (compareInstants(refusedAt, deadlineAt) > 0) {
    throw new DomainError('REFUSAL_AFTER_DEADLINE', `A refusal is due within the time limit, which ended at ${deadlineAt} (Art. 6(2))`, 'refusedAt');
  }
  return [{
    type: 'RequestRefused',
    data: { requestId: existing.requestId, refusedAt, grounds, partial, ...(authorisationRefused >= 0 ? { deadlineAt } : {}) },
  }];
}
