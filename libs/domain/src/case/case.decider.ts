import { parseInstant } from '../shared/instant.js';
import type { CaseCommand } from './case.commands.js';
import type { CaseEvent } from './case.events.js';
import { evolveCase, foldCase, initialCaseState, type CaseState } from './case.state.js';
import { decideCloseCase } from './commands/close-case/close-case.decide.js';
import { decideDecideExtradition } from './commands/decide-extradition/decide-extradition.decide.js';
import { decideEndDetention } from './commands/end-detention/end-detention.decide.js';
import { decideExtendCustody } from './commands/extend-custody/extend-custody.decide.js';
import { decideIdentifyHandlerAbroad } from './commands/identify-handler-abroad/identify-handler-abroad.decide.js';
import { decideLinkHandlerToPerson } from './commands/link-handler-to-person/link-handler-to-person.decide.js';
import { decideOpenCase } from './commands/open-case/open-case.decide.js';
import { decideRecordDetention } from './commands/record-detention/record-detention.decide.js';
import { decideRecordExtraditionConsent } from './commands/record-extradition-consent/record-extradition-consent.decide.js';
import { decideRecordExtraditionStage } from './commands/record-extradition-stage/record-extradition-stage.decide.js';
import { decideRecordNationality } from './commands/record-nationality/record-nationality.decide.js';
import { decideRecordSurrender } from './commands/record-surrender/record-surrender.decide.js';
import { decideRegisterPerson } from './commands/register-person/register-person.decide.js';
import { decideReopenCase } from './commands/reopen-case/reopen-case.decide.js';
import { decideRequestExtradition } from './commands/request-extradition/request-extradition.decide.js';
import { decideRetractNationality } from './commands/retract-nationality/retract-nationality.decide.js';
import { decideRevokeSharing } from './commands/revoke-sharing/revoke-sharing.decide.js';
import { decideShareCase } from './commands/share-case/share-case.decide.js';
import { decideLiftRestriction } from './commands/lift-restriction/lift-restriction.decide.js';
import { decideRectifyPerson } from './commands/rectify-person/rectify-person.decide.js';
import { decideRestrictProcessing } from './commands/restrict-processing/restrict-processing.decide.js';
import { decideReviewRetention } from './commands/review-retention/review-retention.decide.js';
import { decideUpdateHandlerLocation } from './commands/update-handler-location/update-handler-location.decide.js';
import { decideErasePersonalData } from './commands/erase-personal-data/erase-personal-data.decide.js';

/**
 * Pure: the same command and state always give the same events. Throws CaseNotFound (404),
 * CaseAccessDenied (403) or DomainError (422); returns [] when the command changes nothing.
 */
export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  // Metadata is built by our own application layer, so a bad clock value is a bug (500),
  // not the officer's error: plain Error on purpose.
  if (parseInstant(command.metadata?.now) === undefined) {
    throw new Error(`Command metadata.now must be an ISO-8601 instant, got ${String(command.metadata?.now)}`);
  }
  switch (command.type) {
    case 'OpenCase': return decideOpenCase(command, state);
    case 'ShareCase': return decideShareCase(command, state);
    case 'RevokeSharing': return decideRevokeSharing(command, state);
    case 'CloseCase': return decideCloseCase(command, state);
    case 'ReopenCase': return decideReopenCase(command, state);
    case 'RegisterPerson': return decideRegisterPerson(command, state);
    case 'RecordNationality': return decideRecordNationality(command, state);
    case 'RetractNationality': return decideRetractNationality(command, state);
    case 'RecordDetention': return decideRecordDetention(command, state);
    case 'ExtendCustody': return decideExtendCustody(command, state);
    case 'EndDetention': return decideEndDetention(command, state);
    case 'IdentifyHandlerAbroad': return decideIdentifyHandlerAbroad(command, state);
    case 'LinkHandlerToPerson': return decideLinkHandlerToPerson(command, state);
    case 'UpdateHandlerLocation': return decideUpdateHandlerLocation(command, state);
    case 'RequestExtradition': return decideRequestExtradition(command, state);
    case 'RecordExtraditionConsent': return decideRecordExtraditionConsent(command, state);
    case 'RecordExtraditionStage': return decideRecordExtraditionStage(command, state);
    case 'DecideExtradition': return decideDecideExtradition(command, state);
    case 'RecordSurrender': return decideRecordSurrender(command, state);
    case 'ErasePersonalData': return decideErasePersonalData(command, state);
    case 'RestrictProcessing': return decideRestrictProcessing(command, state);
    case 'LiftRestriction': return decideLiftRestriction(command, state);
    case 'RectifyPerson': return decideRectifyPerson(command, state);
    case 'ReviewRetention': return decideReviewRetention(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown case command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Satisfies @liaison/event-store's structural Decider. */
export const caseDecider = {
  initialState: initialCaseState,
  evolve: evolveCase,
  fold: foldCase,
  decide: decideCase,
};

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
