import { DomainError } from '../../../shared/domain-error.js';
import { requireNotBefore } from '../../../shared/validate.js';
import type { RecordJudicialAuthorisation } from '../../information-request.commands.js';
import type { JudicialAuthorisationObtained } from '../../information-request.events.js';
import { requestInstant, requireOpen, requireRequestFor } from '../../information-request.guards.js';
import { deadlineInForce, type InformationRequestState } from '../../information-request.state.js';

/**
 * The authorisation was given. Art. 5(2) allows exceeding the limits "only insofar as necessary" to
 * obtain it: no fixed extension, the deadline moves by exactly the time the authorisation was
 * pending (from the notice to `obtainedAt`), and the information is due as soon as possible.
 */
export function decideRecordJudicialAuthorisation(command: RecordJudicialAuthorisation, state: InformationRequestState): JudicialAuthorisationObtained[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  const pendingSince = existing.authorisationPendingSince;
  if (pendingSince === undefined) {
    throw new DomainError('NO_AUTHORISATION_PENDING', `Information request ${existing.requestId} awaits no judicial authorisation`);
  }
  const obtainedAt = requestInstant(command.data.obtainedAt, 'obtainedAt', command.metadata, existing);
  requireNotBefore(obtainedAt, pendingSince, 'obtainedAt', 'the notice of the pending authorisation');
  return [{ type: 'JudicialAuthorisationObtained', data: { requestId: existing.requestId, obtainedAt, deadlineAt: deadlineInForce(existing, obtainedAt) } }];
}
