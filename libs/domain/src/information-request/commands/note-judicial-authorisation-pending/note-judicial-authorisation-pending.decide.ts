import { DomainError } from '../../../shared/domain-error.js';
import { requireIntegerBetween, requireText } from '../../../shared/validate.js';
import type { NoteJudicialAuthorisationPending } from '../../information-request.commands.js';
import type { JudicialAuthorisationPending } from '../../information-request.events.js';
import { requestInstant, requireOpen, requirePauseStart, requireRequestFor } from '../../information-request.guards.js';
import type { InformationRequestState } from '../../information-request.state.js';

export const MAX_EXPECTED_DELAY_DAYS = 365;

/**
 * Directive (EU) 2023/977 Art. 5(2): where national law (Art. 9) requires a judicial authorisation,
 * the requested state may deviate from the Art. 5(1) limits only insofar as necessary to obtain it,
 * and its SPOC (a) immediately informs the requesting side of the expected delay, specifying its
 * length and reasons, and (b) keeps it informed and answers as soon as possible after authorisation.
 * The notice is this event: expected delay and reason are required. One pending at a time.
 */
export function decideNoteJudicialAuthorisationPending(
  command: NoteJudicialAuthorisationPending, state: InformationRequestState,
): JudicialAuthorisationPending[] {
  const existing = requireRequestFor(command, state, 'requested');
  requireOpen(existing);
  if (existing.authorisationPendingSince !== undefined) {
    throw new DomainError('AUTHORISATION_ALREADY_PENDING', `Information request ${existing.requestId} already awaits a judicial authorisation`);
  }
  const expectedDelayDays = requireIntegerBetween(command.data.expectedDelayDays, 1, MAX_EXPECTED_DELAY_DAYS, 'expectedDelayDays');
  const reason = requireText(command.data.reason, 'reason', 2000);
  const noticeSentAt = requestInstant(command.data.noticeSentAt, 'noticeSentAt', command.metadata, existing);
  requirePauseStart(noticeSentAt, 'noticeSentAt', existing);
  return [{ type: 'JudicialAuthorisationPending', data: { requestId: existing.requestId, noticeSentAt, expectedDelayDays, reason } }];
}
