import { CaseAccessDenied, CaseNotFound, DomainError } from '../shared/domain-error.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import type { CaseCommand } from './case.commands.js';
import type {
  CaseState, DetentionState, ExtraditionState, HandlerState, OpenedCaseState, PersonState,
} from './case.state.js';

// Order matters: existence (404), then access (403), then state rules (422), so a country
// without access learns nothing about the case, not even whether it is closed.

function requireCase(command: CaseCommand, state: CaseState): OpenedCaseState {
  if (!state.exists) throw new CaseNotFound(command.data.caseId);
  // The application layer reads the stream named after the URL's id; a body naming another
  // case would otherwise write facts about one case into another's history.
  if (command.data.caseId !== state.caseId) {
    throw new DomainError('INVALID_ID', `caseId ${command.data.caseId} does not match case ${state.caseId}`, 'caseId');
  }
  return state;
}

function requireOpen(state: OpenedCaseState): void {
  if (state.status === 'closed') throw new DomainError('CASE_CLOSED', `Case ${state.caseId} is closed`);
}

const isOwner = (state: OpenedCaseState, metadata: CommandMetadata): boolean =>
  metadata.actor.country === state.ownerCountry;

/** Sharing and the case lifecycle belong to the owner country, open or closed. */
export function caseForOwner(command: CaseCommand, state: CaseState): OpenedCaseState {
  const existing = requireCase(command, state);
  if (!isOwner(existing, command.metadata)) {
    throw new CaseAccessDenied('NOT_OWNER', `Only ${existing.ownerCountry} manages case ${existing.caseId}`);
  }
  return existing;
}

/** Owner-only and the case must be open. */
export function openCaseForOwner(command: CaseCommand, state: CaseState): OpenedCaseState {
  const existing = caseForOwner(command, state);
  requireOpen(existing);
  return existing;
}

/** Facts may be added by the owner or by a partner the case is shared with for contribution. */
export function openCaseForContributor(command: CaseCommand, state: CaseState): OpenedCaseState {
  const existing = requireCase(command, state);
  const country = command.metadata.actor.country;
  if (!isOwner(existing, command.metadata) && existing.sharing.get(country) !== 'contribute') {
    throw new CaseAccessDenied('NOT_SHARED_FOR_CONTRIBUTION', `Case ${existing.caseId} is not shared with ${country} for contribution`);
  }
  requireOpen(existing);
  return existing;
}

export function requirePerson(state: OpenedCaseState, personId: string): PersonState {
  const person = state.persons.get(personId);
  if (!person) throw new DomainError('PERSON_NOT_REGISTERED', `Person ${personId} is not registered in the case`, 'personId');
  // An erased person's data is gone (ADR 19); recording new facts about them would start it again.
  if (person.erasedAt) throw new DomainError('PERSON_ERASED', `Person ${personId}'s personal data was erased at ${person.erasedAt}`, 'personId');
  return person;
}

export function requireDetention(state: OpenedCaseState, detentionId: string): DetentionState {
  const detention = state.detentions.get(detentionId);
  if (!detention) throw new DomainError('DETENTION_NOT_FOUND', `Detention ${detentionId} is not recorded`, 'detentionId');
  return detention;
}

export function requireOpenDetention(state: OpenedCaseState, detentionId: string): DetentionState {
  const detention = requireDetention(state, detentionId);
  if (!detention.open) throw new DomainError('DETENTION_NOT_OPEN', `Detention ${detentionId} has ended`, 'detentionId');
  return detention;
}

export function requireHandler(state: OpenedCaseState, handlerId: string): HandlerState {
  const handler = state.handlers.get(handlerId);
  if (!handler) throw new DomainError('HANDLER_NOT_IDENTIFIED', `Handler ${handlerId} is not identified`, 'handlerId');
  return handler;
}

export function requireExtradition(state: OpenedCaseState, extraditionId: string): ExtraditionState {
  const extradition = state.extraditions.get(extraditionId);
  if (!extradition) throw new DomainError('EXTRADITION_NOT_FOUND', `Extradition ${extraditionId} is not requested`, 'extraditionId');
  return extradition;
}

/** Once decided, nothing before the decision can still happen. */
export function requireUndecided(extradition: ExtraditionState): void {
  if (extradition.decision) {
    throw new DomainError('EXTRADITION_ALREADY_DECIDED', `Extradition ${extradition.extraditionId} is already decided`, 'extraditionId');
  }
}

/** The person's open detention (the first, in recording order), from the index the state keeps. */
export const openDetentionOf = (state: OpenedCaseState, personId: string): DetentionState | undefined =>
  state.detentions.openOf(personId);
