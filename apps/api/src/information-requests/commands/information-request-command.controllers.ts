import { FileInformationRequestHttpController } from './file-information-request/file-information-request.http.controller.js';
import { AcknowledgeRequestHttpController } from './acknowledge-request/acknowledge-request.http.controller.js';
import { RequestClarificationHttpController } from './request-clarification/request-clarification.http.controller.js';
import { ProvideClarificationHttpController } from './provide-clarification/provide-clarification.http.controller.js';
import { NoteJudicialAuthorisationPendingHttpController } from './note-judicial-authorisation/note-judicial-authorisation.http.controller.js';
import { RecordJudicialAuthorisationHttpController } from './record-judicial-authorisation/record-judicial-authorisation.http.controller.js';
import { ProvideInformationHttpController } from './provide-information/provide-information.http.controller.js';
import { RefuseRequestHttpController } from './refuse-request/refuse-request.http.controller.js';
import { WithdrawRequestHttpController } from './withdraw-request/withdraw-request.http.controller.js';
import { ForwardRequestHttpController } from './forward-request/forward-request.http.controller.js';

// Every information-request use case's controller (one per domain command).
export const INFORMATION_REQUEST_COMMAND_CONTROLLERS: (new (...args: never[]) => unknown)[] = [
  FileInformationRequestHttpController,
  AcknowledgeRequestHttpController,
  RequestClarificationHttpController,
  ProvideClarificationHttpController,
  NoteJudicialAuthorisationPendingHttpController,
  RecordJudicialAuthorisationHttpController,
  ProvideInformationHttpController,
  RefuseRequestHttpController,
  WithdrawRequestHttpController,
  ForwardRequestHttpController,
];
