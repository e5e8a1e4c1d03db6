import { requireOneOf } from '../../../shared/validate.js';
import type { LinkHandlerToPerson } from '../../case.commands.js';
import { HANDLER_RELATIONS, type HandlerLinkedToPerson } from '../../case.events.js';
import { openCaseForContributor, requireHandler, requirePerson } from '../../case.guards.js';
import type { CaseState } from '../../case.state.js';

/** One handler may have several relations to one person (recruited, then paid): one event each. */
export function decideLinkHandlerToPerson(command: LinkHandlerToPerson, state: CaseState): HandlerLinkedToPerson[] {
  const existing = openCaseForContributor(command, state);
  const handler = requireHandler(existing, command.data.handlerId);
  const person = requirePerson(existing, command.data.personId);
  const relation = requireOneOf(command.data.relation, HANDLER_RELATIONS, 'relation');
  // Idempotent: the same link again adds nothing.
  if (handler.links.get(person.personId)?.includes(relation)) return [];
  return [{
    type: 'HandlerLinkedToPerson',
    data: { caseId: existing.caseId, handlerId: handler.handlerId, personId: person.personId, relation },
  }];
}
