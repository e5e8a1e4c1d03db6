import { parseInstant } from '../shared/instant.js';
import type { InformationRequestCommand } from './information-request.commands.js';
import type { InformationRequestEvent } from './information-request.events.js';
import {
  evolveInformationRequest, foldInformationRequest, initialInformationRequestState, type InformationRequestState,
} from './information-request.state.js';
import { decideAcknowledgeRequest } from './commands/acknowledge-request/acknowledge-request.decide.js';
import { decideFileInformationRequest } from './commands/file-information-request/file-information-request.decide.js';
import { decideForwardRequest } from './commands/forward-request/forward-request.decide.js';
import { decideNoteJudicialAuthorisationPending } from './commands/note-judicial-authorisation-pending/note-judicial-authorisation-pending.decide.js';
import { decideProvideClarification } from './commands/provide-clarification/provide-clarification.decide.js';
import { decideProvideInformation } from './commands/provide-information/provide-information.decide.js';
import { decideRecordJudicialAuthorisation } from './commands/record-judicial-authorisation/record-judicial-authorisation.decide.js';
import { decideRefuseRequest } from './commands/refuse-request/refuse-request.decide.js';
import { decideRequestClarification } from './commands/request-clarification/request-clarification.decide.js';
import { decideWithdrawRequest } from './commands/withdraw-request/withdraw-request.decide.js';

/**
 * Pure: the same command and state always give the same events. Throws InformationRequestNotFound
 * (404), InformationRequestAccessDenied (403) or DomainError (422); returns [] when the command changes
 * nothing.
 */
export function decideInformationRequest(command: InformationRequestCommand, state: InformationRequestState): InformationRequestEvent[] {
  // Metadata is built by our own application layer, so a bad clock value is a bug (500), not the
  // officer's error: plain Error on purpose.
  if (parseInstant(command.metadata?.now) === undefined) {
    throw new Error(`Command metadata.now must be an ISO-8601 instant, got ${String(command.metadata?.now)}`);
  }
  switch (command.type) {
    case 'FileInformationRequest': return decideFileInformationRequest(command, state);
    case 'AcknowledgeRequest': return decideAcknowledgeRequest(command, state);
    case 'RequestClarification': return decideRequestClarification(command, state);
    case 'ProvideClarification': return decideProvideClarification(command, state);
    case 'NoteJudicialAuthorisationPending': return decideNoteJudicialAuthorisationPending(command, state);
    case 'RecordJudicialAuthorisation': return decideRecordJudicialAuthorisation(command, state);
    case 'ProvideInformation': return decideProvideInformation(command, state);
    case 'RefuseRequest': return decideRefuseRequest(command, state);
    case 'WithdrawRequest': return decideWithdrawRequest(command, state);
    case 'ForwardRequest': return decideForwardRequest(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown information request command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Satisfies @liaison/event-store's structural Decider. */
export const informationRequestDecider = {
  initialState: initialInformationRequestState,
  evolve: evolveInformationRequest,
  fold: foldInformationRequest,
  decide: decideInformationRequest,
};

export const informationRequestStreamId = (requestId: string): string => `information-request-${requestId}`;
